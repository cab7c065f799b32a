import torch
from torch import Tensor


def box_iou(boxes1: Tensor, boxes2: Tensor) -> Tensor:
    """Pairwise IoU (N, M) of (x1, y1, x2, y2) boxes; 0 where the union is 0."""
    raise NotImplementedError("broadcast the intersection corners, clamp widths at 0, divide by the union")


def nms(boxes: Tensor, scores: Tensor, iou_threshold: float, labels: Tensor | None = None) -> Tensor:
    """Greedy NMS: kept indices (int64) by descending score, ties by lower index; IoU > threshold suppresses."""
    raise NotImplementedError("visit by score, keep unless suppressed, suppress overlaps of kept boxes")
