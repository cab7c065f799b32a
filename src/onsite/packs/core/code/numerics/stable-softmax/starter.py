import numpy as np


def softmax(x: np.ndarray, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    """Probabilities along `axis` of x / temperature; same shape and dtype as x."""
    raise NotImplementedError("divide by the temperature, subtract the max along axis, exponentiate")


def log_softmax(x: np.ndarray, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    """Log-probabilities along `axis` of x / temperature, finite even for large gaps."""
    raise NotImplementedError("shifted logits minus the log of the sum of their exponentials")
