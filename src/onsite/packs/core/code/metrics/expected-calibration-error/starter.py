import numpy as np


def reliability_table(probs: np.ndarray, labels: np.ndarray, n_bins: int = 15
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(counts int64, mean confidence, accuracy) per right-closed equal-width bin; 0.0 when empty."""
    raise NotImplementedError("top-label confidence and correctness, then bin with linspace edges")


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, n_bins: int = 15) -> float:
    """sum_b n_b / N * |accuracy_b - mean_confidence_b|."""
    raise NotImplementedError("weighted mean of the per-bin gaps")
