import numpy as np


def mlp_loss_and_grads(X: np.ndarray, y: np.ndarray, params: dict[str, np.ndarray],
                       l2: float = 0.0) -> tuple[float, dict[str, np.ndarray]]:
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    N = X.shape[0]

    # Forward, keeping every intermediate the backward pass needs.
    Z1 = X @ W1 + b1  # (N, H)
    A = np.maximum(Z1, 0.0)  # (N, H)
    S = A @ W2 + b2  # (N, C)
    shifted = S - S.max(axis=1, keepdims=True)  # max shift: no overflow in exp
    log_P = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    P = np.exp(log_P)
    rows = np.arange(N)
    data_loss = -log_P[rows, y].mean()
    reg_loss = 0.5 * l2 * (np.sum(W1 * W1) + np.sum(W2 * W2))

    # Backward. d(mean CE)/dS = (P - onehot(y)) / N.
    dS = P.copy()
    dS[rows, y] -= 1.0
    dS /= N
    dW2 = A.T @ dS + l2 * W2  # S = A W2 + b2
    db2 = dS.sum(axis=0)  # b2 is broadcast over the N rows, so its gradient sums them
    dA = dS @ W2.T
    dZ1 = dA * (Z1 > 0)  # ReLU passes gradient only where strictly positive
    dW1 = X.T @ dZ1 + l2 * W1
    db1 = dZ1.sum(axis=0)
    return float(data_loss + reg_loss), {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
