"""Reads the bounds at sorted index int(q * B) instead of interpolating linearly."""
import numpy as np


def bootstrap_differences(scores_a, scores_b, n_boot, seed):
    a, b = np.asarray(scores_a, float), np.asarray(scores_b, float)
    idx = np.random.default_rng(seed).integers(0, len(a), size=(n_boot, len(a)))
    return a[idx].mean(1) - b[idx].mean(1)


def paired_bootstrap_ci(scores_a, scores_b, n_boot=1000, alpha=0.05, seed=0):
    a, b = np.asarray(scores_a, float), np.asarray(scores_b, float)
    d = np.sort(bootstrap_differences(a, b, n_boot, seed))
    low = d[int(alpha / 2 * n_boot)]
    high = d[min(int((1 - alpha / 2) * n_boot), n_boot - 1)]
    return float(a.mean() - b.mean()), float(low), float(high)
