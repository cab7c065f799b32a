import numpy as np


def ridge_fit(X: np.ndarray, y: np.ndarray, lam: float) -> tuple[np.ndarray, float]:
    # The optimal intercept makes the residuals sum to zero, b = mean(y) - mean(x) . w, so
    # centring removes b from the problem and it is never penalised.
    x_mean = X.mean(axis=0)
    y_mean = y.mean()
    Xc = X - x_mean
    yc = y - y_mean
    D = X.shape[1]
    # Normal equation of sum (yc - Xc w)^2 + lam |w|^2. The matrix is symmetric positive
    # definite for lam > 0 (and for lam = 0 when Xc has full column rank): solve, never invert.
    w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(D), Xc.T @ yc)
    b = float(y_mean - x_mean @ w)
    return w, b


def ridge_predict(X: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return X @ w + b
