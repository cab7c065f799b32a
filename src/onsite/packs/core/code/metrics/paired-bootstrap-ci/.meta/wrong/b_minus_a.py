"""Reports mean(b) - mean(a) instead of A minus B."""
import numpy as np


def bootstrap_differences(scores_a, scores_b, n_boot, seed):
    a, b = np.asarray(scores_a, float), np.asarray(scores_b, float)
    idx = np.random.default_rng(seed).integers(0, len(a), size=(n_boot, len(a)))
    return b[idx].mean(1) - a[idx].mean(1)


def paired_bootstrap_ci(scores_a, scores_b, n_boot=1000, alpha=0.05, seed=0):
    a, b = np.asarray(scores_a, float), np.asarray(scores_b, float)
    low, high = np.percentile(bootstrap_differences(a, b, n_boot, seed), [50 * alpha, 100 - 50 * alpha])
    return float(b.mean() - a.mean()), float(low), float(high)
