import numpy as np


def bootstrap_differences(scores_a: np.ndarray, scores_b: np.ndarray, n_boot: int, seed: int) -> np.ndarray:
    """(B,) differences mean(a[idx_r]) - mean(b[idx_r]), idx from default_rng(seed).integers(0, n, (B, n))."""
    raise NotImplementedError("draw the (B, n) index matrix once; index both arrays with it")


def paired_bootstrap_ci(scores_a: np.ndarray, scores_b: np.ndarray, n_boot: int = 1000,
                        alpha: float = 0.05, seed: int = 0) -> tuple[float, float, float]:
    """(observed mean(a) - mean(b), low, high): percentile interval at 100 alpha/2 and 100 (1 - alpha/2)."""
    raise NotImplementedError("observed difference, bootstrap differences, two percentiles")
