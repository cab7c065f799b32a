def _score_groups(scores: list[float], labels: list[int]) -> tuple[list[tuple[int, int]], int, int]:
    """(positives, negatives) at each distinct score, highest score first; and the totals."""
    if len(scores) != len(labels):
        raise ValueError("scores and labels must have the same length")
    n_pos = sum(1 for y in labels if y == 1)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC needs at least one positive and one negative example")
    order = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)
    groups: list[tuple[int, int]] = []
    previous = None
    for i in order:
        if previous is None or scores[i] != previous:
            groups.append((0, 0))
            previous = scores[i]
        p, n = groups[-1]
        groups[-1] = (p + 1, n) if labels[i] == 1 else (p, n + 1)
    return groups, n_pos, n_neg


def roc_curve(scores: list[float], labels: list[int]) -> tuple[list[float], list[float]]:
    groups, n_pos, n_neg = _score_groups(scores, labels)
    # Lowering the threshold past one distinct score admits its whole tie group at once,
    # so a group holding both classes is one diagonal segment, not a staircase.
    tp = fp = 0
    fpr, tpr = [0.0], [0.0]
    for p, n in groups:
        tp += p
        fp += n
        fpr.append(fp / n_neg)
        tpr.append(tp / n_pos)
    return fpr, tpr


def roc_auc(scores: list[float], labels: list[int]) -> float:
    groups, n_pos, n_neg = _score_groups(scores, labels)
    # Mann-Whitney: each negative earns 1 for every positive scored above it and 1/2 for
    # every positive tied with it. Counting in halves keeps the sum an exact integer;
    # this equals the trapezoid area under the curve above.
    twice_wins = 0
    pos_above = 0
    for p, n in groups:
        twice_wins += n * (2 * pos_above + p)
        pos_above += p
    return twice_wins / (2 * n_pos * n_neg)
