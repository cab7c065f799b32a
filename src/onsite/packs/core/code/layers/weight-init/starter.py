import math


def fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """(fan_in, fan_out) of a weight shaped (out, in) or (C_out, C_in, *kernel)."""
    raise NotImplementedError("in/out channels times the receptive field")


def gain(nonlinearity: str, param: float | None = None) -> float:
    """The recommended gain for a nonlinearity, as in torch.nn.init."""
    raise NotImplementedError("1, 5/3, sqrt(2), sqrt(2 / (1 + a^2)) or 3/4")


def xavier(shape: tuple[int, ...], gain: float = 1.0) -> tuple[float, float]:
    """(std, uniform bound) of Glorot initialisation."""
    raise NotImplementedError("gain * sqrt(2 / (fan_in + fan_out)); bound = sqrt(3) * std")


def kaiming(
    shape: tuple[int, ...], a: float = 0.0, mode: str = "fan_in", nonlinearity: str = "leaky_relu"
) -> tuple[float, float]:
    """(std, uniform bound) of He initialisation."""
    raise NotImplementedError("gain(nonlinearity, a) / sqrt(fan); bound = sqrt(3) * std")
