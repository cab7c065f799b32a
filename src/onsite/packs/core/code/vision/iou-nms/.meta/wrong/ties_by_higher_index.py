"""Orders tied scores by higher index first (an unstable or reversed sort)."""
import torch
from torch import Tensor


def box_iou(boxes1: Tensor, boxes2: Tensor) -> Tensor:
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])   # (N,)
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])   # (M,)
    # Intersection rectangle of every pair by broadcasting (N, 1, 2) against (1, M, 2).
    top_left = torch.maximum(boxes1[:, None, :2], boxes2[None, :, :2])
    bottom_right = torch.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = (bottom_right - top_left).clamp(min=0)                              # disjoint boxes: 0, not negative
    inter = wh[..., 0] * wh[..., 1]                                          # (N, M)
    union = area1[:, None] + area2[None, :] - inter
    safe = torch.where(union > 0, union, torch.ones_like(union))
    return torch.where(union > 0, inter / safe, torch.zeros_like(inter))     # 0 / 0 defined as 0


def nms(boxes: Tensor, scores: Tensor, iou_threshold: float, labels: Tensor | None = None) -> Tensor:
    # A stable sort of -scores: descending scores, equal scores keep index order.
    order = (scores.numel() - 1 - torch.sort(-scores.flip(0), stable=True).indices)
    iou = box_iou(boxes, boxes)
    suppressed = torch.zeros(boxes.shape[0], dtype=torch.bool)
    keep = []
    for i in order.tolist():
        if suppressed[i]:
            continue                                # a suppressed box never suppresses others
        keep.append(i)
        hit = iou[i] > iou_threshold                # strictly greater: equality survives
        if labels is not None:
            hit &= labels == labels[i]              # classes are suppressed independently
        suppressed |= hit
    return torch.tensor(keep, dtype=torch.int64)
