import numpy as np


def mlp_loss_and_grads(X: np.ndarray, y: np.ndarray, params: dict[str, np.ndarray],
                       l2: float = 0.0) -> tuple[float, dict[str, np.ndarray]]:
    """Linear-ReLU-linear-softmax CE (mean) + l2/2 (|W1|^2 + |W2|^2); return (loss, grads)."""
    raise NotImplementedError("forward, keeping Z1 and A; then dS = (P - onehot) / N and back")
