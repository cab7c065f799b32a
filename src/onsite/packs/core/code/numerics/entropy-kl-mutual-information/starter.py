import numpy as np


def entropy(p: np.ndarray) -> float:
    """H(p) = -sum p log p in nats, with 0 log 0 = 0."""
    raise NotImplementedError("keep only p > 0, then -sum p log p")


def kl_divergence(p: np.ndarray, q: np.ndarray) -> float:
    """KL(p || q) in nats: terms with p = 0 vanish; p > 0 = q gives inf."""
    raise NotImplementedError("mask on p > 0; check for q == 0 there")


def mutual_information(joint: np.ndarray) -> float:
    """I(A; B) from the (A, B) joint table, in nats."""
    raise NotImplementedError("marginals from row and column sums, then sum over positive cells")
