"""Resamples the two models independently (two index matrices): an unpaired bootstrap."""
import numpy as np


def bootstrap_differences(scores_a, scores_b, n_boot, seed):
    a, b = np.asarray(scores_a, float), np.asarray(scores_b, float)
    rng = np.random.default_rng(seed)
    idx_a = rng.integers(0, len(a), size=(n_boot, len(a)))
    idx_b = rng.integers(0, len(b), size=(n_boot, len(b)))
    return a[idx_a].mean(1) - b[idx_b].mean(1)


def paired_bootstrap_ci(scores_a, scores_b, n_boot=1000, alpha=0.05, seed=0):
    a, b = np.asarray(scores_a, float), np.asarray(scores_b, float)
    low, high = np.percentile(bootstrap_differences(a, b, n_boot, seed), [50 * alpha, 100 - 50 * alpha])
    return float(a.mean() - b.mean()), float(low), float(high)
