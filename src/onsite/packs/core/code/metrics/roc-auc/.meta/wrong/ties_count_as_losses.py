"""Counts only strict wins (>): a tied positive-negative pair earns nothing, not one half."""


def _groups(scores, labels):
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("need both classes")
    by_score = {}
    for s, y in zip(scores, labels, strict=True):
        p, n = by_score.get(s, (0, 0))
        by_score[s] = (p + y, n + 1 - y)
    return [by_score[s] for s in sorted(by_score, reverse=True)], n_pos, n_neg


def roc_curve(scores, labels):
    groups, n_pos, n_neg = _groups(scores, labels)
    tp = fp = 0
    fpr, tpr = [0.0], [0.0]
    for p, n in groups:
        tp += p
        fp += n
        fpr.append(fp / n_neg)
        tpr.append(tp / n_pos)
    return fpr, tpr


def roc_auc(scores, labels):
    groups, n_pos, n_neg = _groups(scores, labels)
    wins = 0
    pos_above = 0
    for p, n in groups:
        wins += n * pos_above
        pos_above += p
    return wins / (n_pos * n_neg)
