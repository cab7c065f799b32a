import torch

from onsite.judge.cases import case


def random_boxes(n, *, seed, dtype=torch.float32, clusters=4, spread=1.5):
    """Boxes jittered around a few centres, so many of them overlap."""
    g = torch.Generator().manual_seed(seed)
    centres = torch.rand(clusters, 2, generator=g, dtype=dtype) * 20
    which = torch.randint(0, clusters, (n,), generator=g)
    xy = centres[which] + torch.randn(n, 2, generator=g, dtype=dtype) * spread
    wh = torch.rand(n, 2, generator=g, dtype=dtype) * 4 + 1
    return torch.cat([xy - wh / 2, xy + wh / 2], dim=1)


@case("box_iou: 5 x 7 random boxes", atol=1e-6, rtol=1e-5)
def iou_random(sub):
    return {"iou": sub.box_iou(random_boxes(5, seed=0), random_boxes(7, seed=1))}


@case("box_iou: identical, contained, touching, disjoint and zero-area boxes", atol=1e-6, rtol=1e-5)
def iou_edges(sub):
    a = torch.tensor([[0.0, 0.0, 2.0, 2.0], [0.0, 0.0, 2.0, 2.0], [0.0, 0.0, 2.0, 2.0],
                      [0.0, 0.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 4.0, 4.0]])
    b = torch.tensor([[0.0, 0.0, 2.0, 2.0], [0.5, 0.5, 1.5, 1.5], [2.0, 0.0, 3.0, 2.0],
                      [3.0, 3.0, 4.0, 5.0], [1.0, 1.0, 1.0, 1.0], [5.0, 6.0, 6.0, 7.0]])
    return {"iou": sub.box_iou(a, b)}


@case("box_iou: float64, and an empty side (0 x 3)", atol=1e-12, rtol=1e-12, strict_dtype=True)
def iou_float64(sub):
    b = random_boxes(4, seed=2, dtype=torch.float64)
    other = random_boxes(3, seed=3, dtype=torch.float64)
    return {"iou": sub.box_iou(b, b), "empty": sub.box_iou(b[:0], other)}


@case("nms: 40 clustered boxes, threshold 0.5", atol=0, rtol=0)
def nms_random(sub):
    boxes = random_boxes(40, seed=4)
    scores = torch.rand(40, generator=torch.Generator().manual_seed(5))
    return {"keep": sub.nms(boxes, scores, 0.5)}


@case("nms: thresholds 0.0, 0.3, 0.7 and 1.0", atol=0, rtol=0)
def nms_thresholds(sub):
    boxes = random_boxes(25, seed=6, spread=1.0)
    scores = torch.rand(25, generator=torch.Generator().manual_seed(7))
    return {f"keep (threshold {t})": sub.nms(boxes, scores, t) for t in (0.0, 0.3, 0.7, 1.0)}


@case("nms: tied scores are visited by lower index first", atol=0, rtol=0)
def nms_ties(sub):
    boxes = torch.tensor([[0.0, 0.0, 2.0, 2.0], [0.1, 0.0, 2.1, 2.0], [0.2, 0.0, 2.2, 2.0],
                          [5.0, 5.0, 7.0, 7.0], [5.0, 5.1, 7.0, 7.1], [9.0, 9.0, 10.0, 10.0]])
    scores = torch.tensor([0.5, 0.5, 0.5, 0.7, 0.7, 0.5])
    return {"keep": sub.nms(boxes, scores, 0.5)}


@case("nms: an IoU exactly equal to the threshold survives", atol=0, rtol=0)
def nms_equal(sub):
    boxes = torch.tensor([[0.0, 0.0, 2.0, 1.0], [0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.5, 1.0]])
    scores = torch.tensor([0.9, 0.8, 0.7])        # IoU(0, 1) = 0.5, IoU(0, 2) = 0.75
    return {"keep (0.5)": sub.nms(boxes, scores, 0.5), "keep (0.75)": sub.nms(boxes, scores, 0.75)}


@case("nms: only kept boxes suppress (a chain of overlaps)", atol=0, rtol=0)
def nms_chain(sub):
    # 0 overlaps 1, 1 overlaps 2, 0 does not overlap 2: 1 is suppressed, so 2 must survive.
    boxes = torch.tensor([[0.0, 0.0, 2.0, 2.0], [1.0, 0.0, 3.0, 2.0], [2.0, 0.0, 4.0, 2.0]])
    scores = torch.tensor([0.9, 0.8, 0.7])
    return {"keep": sub.nms(boxes, scores, 0.2)}


@case("nms: labels keep classes apart", atol=0, rtol=0)
def nms_labels(sub):
    boxes = random_boxes(30, seed=8, clusters=3)
    scores = torch.rand(30, generator=torch.Generator().manual_seed(9))
    labels = torch.randint(0, 3, (30,), generator=torch.Generator().manual_seed(10))
    return {"keep": sub.nms(boxes, scores, 0.4, labels), "keep (no labels)": sub.nms(boxes, scores, 0.4)}


@case("nms: no boxes and one box", atol=0, rtol=0)
def nms_small(sub):
    empty = sub.nms(torch.zeros(0, 4), torch.zeros(0), 0.5)
    one = sub.nms(torch.tensor([[1.0, 1.0, 3.0, 4.0]]), torch.tensor([0.2]), 0.5)
    return {"keep (none)": empty, "dtype (none)": str(empty.dtype),
            "keep (one)": one, "dtype (one)": str(one.dtype)}
