"""Averages the precision over all curve points instead of weighting by recall steps."""
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
    precision, _, _ = precision_recall_curve(scores, labels)
    return float(np.mean(precision))
