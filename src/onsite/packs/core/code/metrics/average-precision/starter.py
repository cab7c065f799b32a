import numpy as np


def precision_recall_curve(scores: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(precision, recall, thresholds), one entry per distinct score, highest threshold first."""
    raise NotImplementedError("sort by score, cumulative TP/FP, keep only the last index of each tie group")


def average_precision(scores: np.ndarray, labels: np.ndarray) -> float:
    """sum_k (R_k - R_{k-1}) P_k over the curve's points, R_0 = 0."""
    raise NotImplementedError("step-wise sum over the precision-recall curve")
