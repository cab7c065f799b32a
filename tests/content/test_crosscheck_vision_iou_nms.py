"""vision/iou-nms: the reference against a brute-force oracle in plain Python (pairwise IoU
by the definition, NMS by repeatedly taking the best remaining box), and torchvision when
installed."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "vision/iou-nms"
ref = reference(ITEM)


def iou_one(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def nms_oracle(boxes, scores, thr, labels=None):
    """Take the best remaining box (score, then lower index), drop what it overlaps, repeat."""
    boxes, scores = boxes.tolist(), scores.tolist()
    labels = labels.tolist() if labels is not None else [0] * len(boxes)
    remaining = list(range(len(boxes)))
    keep = []
    while remaining:
        best = min(remaining, key=lambda i: (-scores[i], i))
        keep.append(best)
        remaining = [j for j in remaining if j != best
                     and not (labels[j] == labels[best] and iou_one(boxes[best], boxes[j]) > thr)]
    return keep


def random_boxes(n, seed, integer=False):
    g = torch.Generator().manual_seed(seed)
    if integer:  # small integer grid: exact ties in IoU and touching edges are common
        xy = torch.randint(0, 6, (n, 2), generator=g).double()
        wh = torch.randint(0, 4, (n, 2), generator=g).double()
    else:
        xy = torch.rand(n, 2, generator=g, dtype=torch.float64) * 10
        wh = torch.rand(n, 2, generator=g, dtype=torch.float64) * 4 + 0.5
    return torch.cat([xy, xy + wh], dim=1)


@pytest.mark.parametrize("seed", range(8))
def test_iou_matches_definition(seed):
    grid = seed % 2 == 0
    a, b = random_boxes(7, seed, integer=grid), random_boxes(5, seed + 100, integer=grid)
    want = torch.tensor([[iou_one(x, y) for y in b.tolist()] for x in a.tolist()], dtype=torch.float64)
    torch.testing.assert_close(ref.box_iou(a, b), want, atol=1e-15, rtol=1e-14)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("thr", [0.0, 0.2, 0.5, 0.8, 1.0])
def test_nms_matches_oracle(seed, thr):
    n = 30
    boxes = random_boxes(n, seed, integer=seed % 3 == 0)
    g = torch.Generator().manual_seed(seed)
    if seed % 2:  # integer scores: many exact ties
        scores = torch.randint(0, 5, (n,), generator=g).double()
    else:
        scores = torch.rand(n, generator=g, dtype=torch.float64)
    labels = torch.randint(0, 3, (n,), generator=g) if seed % 4 == 1 else None
    got = ref.nms(boxes, scores, thr, labels)
    assert got.dtype == torch.int64
    assert got.tolist() == nms_oracle(boxes, scores, thr, labels)


def test_matches_torchvision_without_ties():
    tv = pytest.importorskip("torchvision")
    boxes = random_boxes(50, 1)
    scores = torch.rand(50, generator=torch.Generator().manual_seed(2), dtype=torch.float64)
    torch.testing.assert_close(ref.box_iou(boxes, boxes), tv.ops.box_iou(boxes, boxes))
    assert ref.nms(boxes, scores, 0.4).tolist() == tv.ops.nms(boxes, scores, 0.4).tolist()


@pytest.mark.parametrize("name", ["union_without_intersection", "no_clamp", "plus_one_pixels",
                                  "suppress_at_equality", "suppressed_boxes_suppress", "ties_by_higher_index",
                                  "ignores_labels"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    differs = False
    for seed in range(6):
        boxes = random_boxes(25, seed, integer=True)
        g = torch.Generator().manual_seed(seed)
        scores = torch.randint(0, 4, (25,), generator=g).double()
        labels = torch.randint(0, 2, (25,), generator=g)
        differs |= bad.nms(boxes, scores, 0.5, labels).tolist() != nms_oracle(boxes, scores, 0.5, labels)
        differs |= bad.nms(boxes, scores, 0.2).tolist() != nms_oracle(boxes, scores, 0.2)
        differs |= not torch.allclose(bad.box_iou(boxes, boxes), ref.box_iou(boxes, boxes))
    assert differs
