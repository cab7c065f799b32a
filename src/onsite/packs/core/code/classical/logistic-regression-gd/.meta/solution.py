import numpy as np


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # sigma(z) = exp(-softplus(-z)); logaddexp never exponentiates a large positive number.
    return np.exp(-np.logaddexp(0.0, -z))


def logistic_regression_gd(X: np.ndarray, y: np.ndarray, lr: float, steps: int,
                           l2: float = 0.0) -> tuple[np.ndarray, float, np.ndarray]:
    n, d = X.shape
    y = y.astype(np.float64)
    w = np.zeros(d)
    b = 0.0
    losses = np.empty(steps)
    for t in range(steps):
        z = X @ w + b
        # -y log p - (1 - y) log(1 - p) = softplus(z) - y z: finite for any z, whereas
        # p rounds to exactly 1 once z > ~37 and log(1 - p) would be -inf.
        losses[t] = np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * (w @ w)
        residual = _sigmoid(z) - y  # dJ/dz_n times N
        grad_w = X.T @ residual / n + l2 * w  # the bias is not regularised
        grad_b = residual.mean()
        # Both gradients come from the same (w, b): a simultaneous update.
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, float(b), losses


def predict_proba(X: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return _sigmoid(X @ w + b)
