"""Uses the probability of the true class as the confidence instead of the top probability."""
import numpy as np


def reliability_table(probs: np.ndarray, labels: np.ndarray, n_bins: int = 15
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    conf = probs[np.arange(len(labels)), labels]
    correct = (probs.argmax(axis=1) == labels).astype(np.float64)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    bins = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, n_bins - 1)
    counts = np.bincount(bins, minlength=n_bins)
    conf_sum = np.bincount(bins, weights=conf, minlength=n_bins)
    correct_sum = np.bincount(bins, weights=correct, minlength=n_bins)
    nonempty = counts > 0
    mean_conf = np.divide(conf_sum, counts, out=np.zeros(n_bins), where=nonempty)
    accuracy = np.divide(correct_sum, counts, out=np.zeros(n_bins), where=nonempty)
    return counts.astype(np.int64), mean_conf, accuracy


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, n_bins: int = 15) -> float:
    counts, mean_conf, accuracy = reliability_table(probs, labels, n_bins)
    return float(np.sum(counts / counts.sum() * np.abs(accuracy - mean_conf)))
