import numpy as np


def precision_recall_curve(scores: np.ndarray,
                           labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    scores = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels)
    n_pos = int(np.sum(labels == 1))
    if n_pos == 0:
        raise ValueError("precision-recall needs at least one positive example")
    order = np.argsort(-scores, kind="stable")
    s = scores[order]
    tp = np.cumsum(labels[order] == 1)
    fp = np.arange(1, len(s) + 1) - tp
    # A threshold admits a whole tie group at once: keep the counts at the last position
    # of each group, so ties give one point whatever the input order.
    last = np.r_[s[1:] != s[:-1], True]
    tp, fp = tp[last], fp[last]
    precision = tp / (tp + fp)
    recall = tp / n_pos
    return precision, recall, s[last]


def average_precision(scores: np.ndarray, labels: np.ndarray) -> float:
    precision, recall, _ = precision_recall_curve(scores, labels)
    # Each recall increment is weighted by the precision at the point reaching it.
    return float(np.sum(np.diff(recall, prepend=0.0) * precision))
