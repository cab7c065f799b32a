import numpy as np


def logistic_regression_gd(X: np.ndarray, y: np.ndarray, lr: float, steps: int,
                           l2: float = 0.0) -> tuple[np.ndarray, float, np.ndarray]:
    """Full-batch GD from zero init; return (w, b, losses) with losses[t] before update t."""
    raise NotImplementedError("loop: loss from logits, gradient X^T(p - y)/N + l2 w, update w and b")


def predict_proba(X: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    """sigmoid(X w + b), without overflow warnings turning into nan."""
    raise NotImplementedError("a numerically safe sigmoid of the logits")
