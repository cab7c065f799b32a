"""How a debug item's held-out predictions are scored (trusted, NumPy only)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Metric = Callable[[np.ndarray, np.ndarray], float]


def accuracy(predictions: np.ndarray, targets: np.ndarray) -> float:
    """Class predictions (N,) or scores (N, C) against integer labels (N,)."""
    labels = predictions.argmax(axis=-1) if predictions.ndim == targets.ndim + 1 else predictions
    if labels.shape != targets.shape:
        raise ValueError(f"predictions of shape {predictions.shape} for targets {targets.shape}")
    return float(np.mean(np.rint(labels) == targets))


def _checked(predictions: np.ndarray, targets: np.ndarray) -> np.ndarray:
    if predictions.shape != targets.shape:
        raise ValueError(f"predictions of shape {predictions.shape} for targets {targets.shape}")
    return predictions.astype(np.float64) - targets.astype(np.float64)


def mse(predictions: np.ndarray, targets: np.ndarray) -> float:
    return float(np.mean(_checked(predictions, targets) ** 2))


def mae(predictions: np.ndarray, targets: np.ndarray) -> float:
    return float(np.mean(np.abs(_checked(predictions, targets))))


METRICS: dict[str, tuple[Metric, bool]] = {  # name -> (function, higher is better)
    "accuracy": (accuracy, True),
    "mse": (mse, False),
    "mae": (mae, False),
}


def passes(metric: str, value: float, threshold: float) -> bool:
    higher = METRICS[metric][1]
    return bool(np.isfinite(value)) and (value >= threshold if higher else value <= threshold)
