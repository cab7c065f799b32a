import numpy as np


def reliability_table(probs: np.ndarray, labels: np.ndarray, n_bins: int = 15
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    conf = probs.max(axis=1)  # top-label confidence
    correct = (probs.argmax(axis=1) == labels).astype(np.float64)  # argmax: first index on ties
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    # side="left" finds i with edges[i-1] < conf <= edges[i]: right-closed bins, so a value
    # on an edge falls into the bin below; conf = 0 would give -1, clipped into bin 0.
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
    # Gap per bin weighted by the share of examples in it; empty bins have weight 0.
    return float(np.sum(counts / counts.sum() * np.abs(accuracy - mean_conf)))
