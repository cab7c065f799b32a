"""Uses interpolated precision (the maximum precision at any higher recall), PASCAL VOC style."""
import numpy as np


def precision_recall_curve(scores, labels):
    scores, labels = np.asarray(scores, float), np.asarray(labels)
    if not np.any(labels == 1):
        raise ValueError("no positives")
    order = np.argsort(-scores, kind="stable")
    s = scores[order]
    tp = np.cumsum(labels[order] == 1)
    fp = np.arange(1, len(s) + 1) - tp
    last = np.r_[s[1:] != s[:-1], True]
    return tp[last] / (tp[last] + fp[last]), tp[last] / tp[-1], s[last]


def average_precision(scores, labels):
    precision, recall, _ = precision_recall_curve(scores, labels)
    interpolated = np.maximum.accumulate(precision[::-1])[::-1]
    return float(np.sum(np.diff(recall, prepend=0.0) * interpolated))
