import random

import numpy as np

from onsite.judge.cases import case


def observe(sub, scores, labels):
    """The AUC and the curve; the inputs are copies so an in-place sort cannot leak."""
    auc = sub.roc_auc(list(scores), list(labels))
    fpr, tpr = sub.roc_curve(list(scores), list(labels))
    return {
        "auc": float(auc),
        "fpr": np.asarray(fpr, dtype=np.float64),
        "tpr": np.asarray(tpr, dtype=np.float64),
    }


def outcome(fn, scores, labels):
    try:
        fn(list(scores), list(labels))
    except ValueError:
        return "raised ValueError"
    return "returned without raising"


# Tolerances: the AUC is a ratio of counts; 1e-12 leaves room for a trapezoid sum in floats.


@case("perfect separation", atol=1e-12, rtol=1e-12)
def perfect(sub):
    return observe(sub, [0.9, 0.1, 0.8, 0.3, 0.7, 0.2], [1, 0, 1, 0, 1, 0])


@case("inverted scores", atol=1e-12, rtol=1e-12)
def inverted(sub):
    return observe(sub, [0.1, 0.9, 0.2, 0.8, 0.3], [1, 0, 1, 0, 0])


@case("all scores tied", atol=1e-12, rtol=1e-12)
def all_tied(sub):
    return observe(sub, [0.5] * 7, [1, 0, 0, 1, 0, 1, 1])


@case("ties across the two classes", atol=1e-12, rtol=1e-12)
def ties_across(sub):
    scores = [0.8, 0.5, 0.9, 0.5, 0.8, 0.3, 0.5, 0.1, 0.8, 0.3]
    labels = [1, 0, 1, 1, 0, 0, 1, 0, 1, 1]
    return observe(sub, scores, labels)


@case("a single positive among ties", atol=1e-12, rtol=1e-12)
def single_positive(sub):
    scores = [3.0, 1.0, 2.0, 5.0, 2.0, 4.0, 2.0, 0.0]
    labels = [0, 0, 0, 0, 1, 0, 0, 0]
    return observe(sub, scores, labels)


@case("one class only raises ValueError")
def one_class(sub):
    scores = [0.2, 0.7, 0.4]
    return {
        "auc_all_positive": outcome(sub.roc_auc, scores, [1, 1, 1]),
        "auc_all_negative": outcome(sub.roc_auc, scores, [0, 0, 0]),
        "curve_all_positive": outcome(sub.roc_curve, scores, [1, 1, 1]),
        "curve_all_negative": outcome(sub.roc_curve, scores, [0, 0, 0]),
    }


@case("unsorted float scores with duplicates (N=300)", atol=1e-12, rtol=1e-12)
def duplicates(sub):
    rng = random.Random(0)
    labels = [rng.randint(0, 1) for _ in range(300)]
    # Two decimals force many exact duplicates; positives score higher on average.
    scores = [round(min(1.0, max(0.0, rng.gauss(0.4 + 0.2 * y, 0.2))), 2) for y in labels]
    return observe(sub, scores, labels)


@case("large N=20000 (needs O(N log N))", atol=1e-12, rtol=1e-12)
def large(sub):
    rng = random.Random(1)
    labels = [1 if rng.random() < 0.3 else 0 for _ in range(20000)]
    scores = [round(rng.gauss(1.0 * y, 1.0), 3) for y in labels]
    return observe(sub, scores, labels)
