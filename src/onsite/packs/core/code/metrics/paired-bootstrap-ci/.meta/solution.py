import numpy as np


def bootstrap_differences(scores_a: np.ndarray, scores_b: np.ndarray, n_boot: int, seed: int) -> np.ndarray:
    a = np.asarray(scores_a, dtype=np.float64)
    b = np.asarray(scores_b, dtype=np.float64)
    n = len(a)
    # One (B, n) draw, used for both models: each replicate resamples *examples*, and an
    # example carries both models' scores with it, preserving their correlation.
    idx = np.random.default_rng(seed).integers(0, n, size=(n_boot, n))
    return a[idx].mean(axis=1) - b[idx].mean(axis=1)


def paired_bootstrap_ci(scores_a: np.ndarray, scores_b: np.ndarray, n_boot: int = 1000,
                        alpha: float = 0.05, seed: int = 0) -> tuple[float, float, float]:
    a = np.asarray(scores_a, dtype=np.float64)
    b = np.asarray(scores_b, dtype=np.float64)
    diffs = bootstrap_differences(a, b, n_boot, seed)
    # Percentile interval, two-sided: alpha/2 in each tail, linear interpolation (the default).
    low, high = np.percentile(diffs, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(a.mean() - b.mean()), float(low), float(high)
