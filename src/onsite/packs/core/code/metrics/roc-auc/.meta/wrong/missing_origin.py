"""Builds the curve from the thresholds alone, without the (0, 0) starting point."""


def roc_curve(scores, labels):
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("need both classes")
    pairs = sorted(zip(scores, labels, strict=True), reverse=True)
    fpr, tpr = [], []
    tp = fp = 0
    for i, (s, y) in enumerate(pairs):
        tp += y
        fp += 1 - y
        if i + 1 == len(pairs) or pairs[i + 1][0] != s:  # last sample at this threshold
            fpr.append(fp / n_neg)
            tpr.append(tp / n_pos)
    return fpr, tpr


def roc_auc(scores, labels):
    fpr, tpr = roc_curve(scores, labels)
    area = 0.0
    for i in range(1, len(fpr)):
        area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2
    return area
