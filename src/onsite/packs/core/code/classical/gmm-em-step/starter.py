import numpy as np


def e_step(X: np.ndarray, weights: np.ndarray, means: np.ndarray, variances: np.ndarray
           ) -> tuple[np.ndarray, float]:
    """(log responsibilities (N, K), total log-likelihood) under the given parameters."""
    raise NotImplementedError("log joint per (n, k), then a max-shifted logsumexp over k")


def em_step(X: np.ndarray, weights: np.ndarray, means: np.ndarray, variances: np.ndarray,
            reg: float = 1e-6) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """(new weights, new means, new variances + reg, log-likelihood of the old parameters)."""
    raise NotImplementedError("E-step, then N_k, weighted means, weighted variances around the new means")
