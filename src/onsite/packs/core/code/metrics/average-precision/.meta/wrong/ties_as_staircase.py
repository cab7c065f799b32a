"""Gives every example its own point, so tied scores make an order-dependent staircase."""
import numpy as np


def precision_recall_curve(scores, labels):
    scores, labels = np.asarray(scores, float), np.asarray(labels)
    if not np.any(labels == 1):
        raise ValueError("no positives")
    order = np.argsort(-scores, kind="stable")
    tp = np.cumsum(labels[order] == 1)
    fp = np.arange(1, len(scores) + 1) - tp
    return tp / (tp + fp), tp / tp[-1], scores[order]


def average_precision(scores, labels):
    precision, recall, _ = precision_recall_curve(scores, labels)
    return float(np.sum(np.diff(recall, prepend=0.0) * precision))
