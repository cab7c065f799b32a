"""Keeps the counts at the first position of each tie group instead of the last."""
import numpy as np


def precision_recall_curve(scores, labels):
    scores, labels = np.asarray(scores, float), np.asarray(labels)
    if not np.any(labels == 1):
        raise ValueError("no positives")
    order = np.argsort(-scores, kind="stable")
    s = scores[order]
    tp = np.cumsum(labels[order] == 1)
    fp = np.arange(1, len(s) + 1) - tp
    first = np.r_[True, s[1:] != s[:-1]]
    return tp[first] / (tp[first] + fp[first]), tp[first] / tp[-1], s[first]


def average_precision(scores, labels):
    precision, recall, _ = precision_recall_curve(scores, labels)
    return float(np.sum(np.diff(recall, prepend=0.0) * precision))
