"""Integrates precision over recall with the trapezoid rule instead of the step-wise sum."""
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
    r = np.r_[0.0, recall]
    p = np.r_[1.0, precision]
    return float(np.sum((r[1:] - r[:-1]) * (p[1:] + p[:-1]) / 2))
