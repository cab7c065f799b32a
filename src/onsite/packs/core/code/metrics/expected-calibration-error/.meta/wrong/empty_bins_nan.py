"""Reports empty bins as nan (0/0) instead of 0.0."""
import numpy as np


def reliability_table(probs: np.ndarray, labels: np.ndarray, n_bins: int = 15
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    conf = probs.max(axis=1)
    correct = (probs.argmax(axis=1) == labels).astype(np.float64)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    bins = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, n_bins - 1)
    counts = np.bincount(bins, minlength=n_bins)
    conf_sum = np.bincount(bins, weights=conf, minlength=n_bins)
    correct_sum = np.bincount(bins, weights=correct, minlength=n_bins)
    with np.errstate(all='ignore'):
        mean_conf = conf_sum / counts
        accuracy = correct_sum / counts
    return counts.astype(np.int64), mean_conf, accuracy


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, n_bins: int = 15) -> float:
    counts, mean_conf, accuracy = reliability_table(probs, labels, n_bins)
    return float(np.nansum(counts / counts.sum() * np.abs(accuracy - mean_conf)))
