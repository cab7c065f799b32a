"""Reports the "basic" interval 2 * observed - percentiles instead of the percentile interval."""
import numpy as np


def bootstrap_differences(scores_a, scores_b, n_boot, seed):
    a, b = np.asarray(scores_a, float), np.asarray(scores_b, float)
    idx = np.random.default_rng(seed).integers(0, len(a), size=(n_boot, len(a)))
    return a[idx].mean(1) - b[idx].mean(1)


def paired_bootstrap_ci(scores_a, scores_b, n_boot=1000, alpha=0.05, seed=0):
    a, b = np.asarray(scores_a, float), np.asarray(scores_b, float)
    diff = a.mean() - b.mean()
    lo, hi = np.percentile(bootstrap_differences(a, b, n_boot, seed), [50 * alpha, 100 - 50 * alpha])
    return float(diff), float(2 * diff - hi), float(2 * diff - lo)
