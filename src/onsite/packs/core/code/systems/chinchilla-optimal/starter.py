import math


def compute_optimal(flops: float, tokens_per_param: float = 20.0) -> tuple[float, float]:
    """(N, D) with C = 6 N D and D = tokens_per_param * N."""
    raise NotImplementedError("substitute D = r N into C = 6 N D and solve for N")


def chinchilla_loss(
    n_params: float, n_tokens: float, e: float = 1.69, a: float = 406.4, b: float = 410.7,
    alpha: float = 0.34, beta: float = 0.28,
) -> float:
    """L(N, D) = e + a / N^alpha + b / D^beta."""
    raise NotImplementedError("three terms")


def fit_optimal(
    flops: float, a: float = 406.4, b: float = 410.7, alpha: float = 0.34, beta: float = 0.28
) -> tuple[float, float]:
    """(N, D) minimising a / N^alpha + b / D^beta subject to 6 N D = flops, in closed form."""
    raise NotImplementedError("set d/dN of the loss along 6 N D = C to zero")
