import numpy as np

from onsite.judge.cases import case


def report(sub, y_true, y_pred, C):
    y_true = np.asarray(y_true, dtype=np.int64)
    y_pred = np.asarray(y_pred, dtype=np.int64)
    precision, recall, f1 = sub.per_class_scores(y_true.copy(), y_pred.copy(), C)
    macro, micro = sub.f1_averages(y_true.copy(), y_pred.copy(), C)
    return {"confusion": np.asarray(sub.confusion_matrix(y_true.copy(), y_pred.copy(), C)).astype(np.int64),
            "precision": np.asarray(precision, dtype=np.float64),
            "recall": np.asarray(recall, dtype=np.float64),
            "f1": np.asarray(f1, dtype=np.float64), "macro_f1": float(macro), "micro_f1": float(micro)}


def noisy(seed, n, C, acc=0.6):
    g = np.random.default_rng(seed)
    y_true = g.integers(0, C, n)
    y_pred = np.where(g.random(n) < acc, y_true, g.integers(0, C, n))
    return y_true, y_pred


@case("the prompt's example", atol=1e-12, rtol=1e-12)
def example(sub):
    return report(sub, [0, 0, 1, 1, 1, 2], [0, 1, 1, 1, 0, 1], 4)


@case("N=200, C=5, noisy predictions", atol=1e-12, rtol=1e-12)
def basic(sub):
    return report(sub, *noisy(0, 200, 5), 5)


@case("a class never predicted (precision 0/0 -> 0)", atol=1e-12, rtol=1e-12)
def never_predicted(sub):
    y_true, y_pred = noisy(1, 50, 4)
    y_pred = np.where(y_pred == 2, 0, y_pred)
    return report(sub, y_true, y_pred, 4)


@case("a class predicted but absent from y_true (recall 0/0 -> 0, still in macro)", atol=1e-12, rtol=1e-12)
def absent_true(sub):
    y_true, y_pred = noisy(2, 40, 3)
    y_true = np.where(y_true == 1, 0, y_true)
    return report(sub, y_true, y_pred, 3)


@case("classes appearing nowhere are left out of the macro mean", atol=1e-12, rtol=1e-12)
def unused_classes(sub):
    y_true, y_pred = noisy(3, 60, 3)
    return report(sub, y_true * 2, y_pred * 2, 7)  # classes 0, 2, 4 of 7


@case("perfect predictions, and a single example", atol=1e-12, rtol=1e-12)
def perfect(sub):
    y, _ = noisy(4, 30, 4)
    out = {f"{k} (perfect)": v for k, v in report(sub, y, y, 4).items()}
    out.update({f"{k} (N=1)": v for k, v in report(sub, [1], [2], 3).items()})
    return out


@case("binary, imbalanced", atol=1e-12, rtol=1e-12)
def binary(sub):
    g = np.random.default_rng(5)
    y_true = (g.random(100) < 0.1).astype(np.int64)
    y_pred = np.where(g.random(100) < 0.85, y_true, 1 - y_true)
    return report(sub, y_true, y_pred, 2)
