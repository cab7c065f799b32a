import torch

from onsite.judge.cases import case


def batch(n, c, *, seed, dtype=torch.float32, scale=2.0, soft=False):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(n, c, generator=g, dtype=dtype) * scale
    if soft:
        targets = torch.rand(n, c, generator=g, dtype=dtype)
    else:
        targets = (torch.rand(n, c, generator=g) < 0.4).to(dtype)
    return logits, targets


def weights(c, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    return torch.rand(c, generator=g, dtype=dtype) * 4 + 0.25


@case("mean, sum and none on an (8, 5) multi-label batch", atol=1e-6, rtol=1e-5)
def reductions(sub):
    x, y = batch(8, 5, seed=0)
    return {r: sub.bce_with_logits(x, y, reduction=r) for r in ("mean", "sum", "none")}


@case("pos_weight per class, all reductions", atol=1e-6, rtol=1e-5)
def with_pos_weight(sub):
    x, y = batch(6, 4, seed=1)
    w = weights(4, seed=2)
    return {r: sub.bce_with_logits(x, y, pos_weight=w, reduction=r) for r in ("mean", "sum", "none")}


@case("soft targets in [0, 1] with pos_weight", atol=1e-6, rtol=1e-5)
def soft_targets(sub):
    x, y = batch(5, 3, seed=3, soft=True)
    w = weights(3, seed=4)
    return {"none": sub.bce_with_logits(x, y, pos_weight=w, reduction="none"),
            "mean": sub.bce_with_logits(x, y, pos_weight=w)}


@case("huge logits (+/-200, float32) stay finite and exact", atol=1e-4, rtol=1e-6)
def huge(sub):
    # sigmoid(-200) is 0 in float32, so log(sigmoid) gives -inf; clamping gives ~16 instead of 200.
    x = torch.tensor([[200.0, -200.0, 150.0, -150.0], [30.0, -30.0, 0.0, 95.0]])
    y = torch.tensor([[0.0, 1.0, 1.0, 0.0], [1.0, 1.0, 0.0, 0.0]])
    w = torch.tensor([2.0, 0.5, 1.0, 3.0])
    return {"none": sub.bce_with_logits(x, y, reduction="none"),
            "weighted_none": sub.bce_with_logits(x, y, pos_weight=w, reduction="none"),
            "sum": sub.bce_with_logits(x, y, reduction="sum")}


@case("1-D input of length 1", atol=1e-6, rtol=1e-5)
def single(sub):
    x = torch.tensor([-0.7])
    return {"mean": sub.bce_with_logits(x, torch.tensor([1.0])),
            "none": sub.bce_with_logits(x, torch.tensor([0.0]), reduction="none")}


@case("3-D input (B, T, C) with pos_weight over the last dimension", atol=1e-6, rtol=1e-5)
def three_d(sub):
    g = torch.Generator().manual_seed(5)
    x = torch.randn(2, 3, 4, generator=g) * 3
    y = (torch.rand(2, 3, 4, generator=g) < 0.5).float()
    w = weights(4, seed=6)
    return {"mean": sub.bce_with_logits(x, y, pos_weight=w),
            "none": sub.bce_with_logits(x, y, pos_weight=w, reduction="none")}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    x, y = batch(7, 3, seed=7, dtype=torch.float64, scale=5.0)
    w = weights(3, seed=8, dtype=torch.float64)
    return {"mean": sub.bce_with_logits(x, y, pos_weight=w),
            "none": sub.bce_with_logits(x, y, reduction="none")}


@case("gradient w.r.t. the logits (float64), plain and weighted", atol=1e-12, rtol=1e-9)
def gradients(sub):
    x0, y = batch(6, 4, seed=9, dtype=torch.float64, scale=4.0, soft=True)
    w = weights(4, seed=10, dtype=torch.float64)
    out = {}
    for name, pw, red in (("plain_mean", None, "mean"), ("weighted_sum", w, "sum")):
        x = x0.clone().requires_grad_(True)
        loss = sub.bce_with_logits(x, y, pos_weight=pw, reduction=red)
        loss.backward()
        out[f"loss_{name}"] = loss.detach()
        out[f"grad_{name}"] = x.grad
    return out


@case("gradient at huge logits is finite (float32)", atol=1e-7, rtol=1e-5)
def huge_grad(sub):
    x = torch.tensor([200.0, -200.0, 120.0, -3.0], requires_grad=True)
    y = torch.tensor([0.0, 1.0, 1.0, 0.0])
    sub.bce_with_logits(x, y, reduction="sum").backward()
    return {"grad": x.grad}
