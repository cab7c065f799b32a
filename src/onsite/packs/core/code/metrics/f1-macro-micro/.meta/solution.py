import numpy as np


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, num_classes: int) -> np.ndarray:
    C = num_classes
    # Flat index true * C + predicted: one bincount counts every pair.
    flat = np.asarray(y_true, dtype=np.int64) * C + np.asarray(y_pred, dtype=np.int64)
    return np.bincount(flat, minlength=C * C).reshape(C, C).astype(np.int64)


def _safe_ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    # 0.0 wherever the denominator is 0 (the stated zero-division convention).
    return np.divide(num, den, out=np.zeros(num.shape, dtype=np.float64), where=den > 0)


def _counts(y_true, y_pred, num_classes):
    M = confusion_matrix(y_true, y_pred, num_classes)
    tp = np.diag(M).astype(np.float64)
    fp = M.sum(axis=0) - tp  # predicted as c, truly something else
    fn = M.sum(axis=1) - tp  # truly c, predicted as something else
    return M, tp, fp, fn


def per_class_scores(y_true: np.ndarray, y_pred: np.ndarray, num_classes: int
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    _, tp, fp, fn = _counts(y_true, y_pred, num_classes)
    precision = _safe_ratio(tp, tp + fp)
    recall = _safe_ratio(tp, tp + fn)
    f1 = _safe_ratio(2 * tp, 2 * tp + fp + fn)  # the harmonic mean of P and R, without 0/0
    return precision, recall, f1


def f1_averages(y_true: np.ndarray, y_pred: np.ndarray, num_classes: int) -> tuple[float, float]:
    M, tp, fp, fn = _counts(y_true, y_pred, num_classes)
    f1 = _safe_ratio(2 * tp, 2 * tp + fp + fn)
    present = (M.sum(axis=0) + M.sum(axis=1)) > 0  # seen in y_true or in y_pred
    macro = float(f1[present].mean())
    micro = float(2 * tp.sum() / (2 * tp.sum() + fp.sum() + fn.sum()))
    return macro, micro
