import numpy as np


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, num_classes: int) -> np.ndarray:
    """(C, C) int64 counts; rows are true classes, columns predicted classes."""
    raise NotImplementedError("count each (true, predicted) pair")


def per_class_scores(y_true: np.ndarray, y_pred: np.ndarray, num_classes: int
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(precision, recall, f1) per class; a zero denominator gives 0.0."""
    raise NotImplementedError("TP from the diagonal, FP from columns, FN from rows")


def f1_averages(y_true: np.ndarray, y_pred: np.ndarray, num_classes: int) -> tuple[float, float]:
    """(macro F1 over classes present in y_true or y_pred, micro F1 from pooled counts)."""
    raise NotImplementedError("mean of per-class F1 over present classes; pooled TP/FP/FN")
