import numpy as np

from onsite.judge.cases import case


def observe(sub, scores, labels):
    scores = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels, dtype=np.int64)
    precision, recall, thresholds = sub.precision_recall_curve(scores.copy(), labels.copy())
    return {"ap": float(sub.average_precision(scores.copy(), labels.copy())),
            "precision": np.asarray(precision, dtype=np.float64),
            "recall": np.asarray(recall, dtype=np.float64),
            "thresholds": np.asarray(thresholds, dtype=np.float64)}


def outcome(fn, scores, labels):
    try:
        fn(np.asarray(scores, dtype=np.float64), np.asarray(labels))
    except ValueError:
        return "raised ValueError"
    return "returned without raising"


# Counts are exact; 1e-12 leaves room for the order of float additions in the AP sum.


@case("the prompt's example (a tie across classes)", atol=1e-12, rtol=1e-12)
def example(sub):
    return observe(sub, [0.9, 0.8, 0.8, 0.3, 0.1], [1, 0, 1, 1, 0])


@case("distinct scores, unsorted input", atol=1e-12, rtol=1e-12)
def distinct(sub):
    g = np.random.default_rng(0)
    labels = g.integers(0, 2, 25)
    scores = g.normal(labels * 0.8, 1.0)
    return observe(sub, scores, labels)


@case("many ties (scores rounded to one decimal)", atol=1e-12, rtol=1e-12)
def many_ties(sub):
    g = np.random.default_rng(1)
    labels = g.integers(0, 2, 60)
    scores = np.round(g.normal(labels * 0.5, 0.6), 1)
    return observe(sub, scores, labels)


@case("all scores tied: AP = P / N", atol=1e-12, rtol=1e-12)
def all_tied(sub):
    return observe(sub, [0.5] * 7, [0, 1, 0, 0, 1, 0, 1])


@case("perfect, reversed, a single positive", atol=1e-12, rtol=1e-12)
def extremes(sub):
    out = {f"{k} (perfect)": v for k, v in observe(sub, [0.9, 0.2, 0.7, 0.1], [1, 0, 1, 0]).items()}
    out.update({f"{k} (reversed)": v for k, v in observe(sub, [0.9, 0.2, 0.7, 0.1], [0, 1, 0, 1]).items()})
    out.update({f"{k} (one positive)": v
                for k, v in observe(sub, [3.0, 1.0, 2.0, 5.0, 4.0], [0, 0, 1, 0, 0]).items()})
    return out


@case("no negatives: precision 1 everywhere", atol=1e-12, rtol=1e-12)
def no_negatives(sub):
    return observe(sub, [0.3, 0.1, 0.3, 0.8], [1, 1, 1, 1])


@case("no positives raises ValueError")
def no_positives(sub):
    return {"ap": outcome(sub.average_precision, [0.2, 0.7], [0, 0]),
            "curve": outcome(sub.precision_recall_curve, [0.2, 0.7], [0, 0])}


@case("N = 20000 with heavy ties", atol=1e-12, rtol=1e-12)
def large(sub):
    g = np.random.default_rng(2)
    labels = (g.random(20000) < 0.1).astype(np.int64)
    scores = np.round(g.normal(labels * 1.0, 1.0), 2)
    return observe(sub, scores, labels)
