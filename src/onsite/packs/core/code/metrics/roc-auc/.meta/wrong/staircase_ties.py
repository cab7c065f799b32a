"""Steps through the sorted samples one at a time, so ties follow input order (a staircase)."""


def roc_curve(scores, labels):
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("need both classes")
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    tp = fp = 0
    fpr, tpr = [0.0], [0.0]
    for i in order:
        if labels[i] == 1:
            tp += 1
        else:
            fp += 1
        fpr.append(fp / n_neg)
        tpr.append(tp / n_pos)
    return fpr, tpr


def roc_auc(scores, labels):
    fpr, tpr = roc_curve(scores, labels)
    area = 0.0
    for i in range(1, len(fpr)):
        area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2
    return area
