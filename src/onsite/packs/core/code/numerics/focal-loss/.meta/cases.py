import torch

from onsite.judge.cases import case


def batch(*shape, seed, dtype=torch.float32, scale=2.5, pos=0.3):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(*shape, generator=g, dtype=dtype) * scale
    targets = (torch.rand(*shape, generator=g) < pos).to(dtype)
    return logits, targets


@case("defaults (alpha 0.25, gamma 2), mean, sum and none", atol=1e-6, rtol=1e-5)
def defaults(sub):
    x, y = batch(8, 6, seed=0)
    return {r: sub.focal_loss(x, y, reduction=r) for r in ("mean", "sum", "none")}


@case("gamma = 0 is alpha-weighted BCE; alpha None is plain BCE", atol=1e-6, rtol=1e-5)
def gamma_zero(sub):
    x, y = batch(5, 4, seed=1)
    return {"alpha_0.25": sub.focal_loss(x, y, alpha=0.25, gamma=0.0, reduction="none"),
            "alpha_none": sub.focal_loss(x, y, alpha=None, gamma=0.0, reduction="none")}


@case("gamma 0.5, 1 and 5 without alpha", atol=1e-7, rtol=1e-5)
def gammas(sub):
    x, y = batch(4, 5, seed=2, pos=0.5)
    return {f"gamma_{gm}": sub.focal_loss(x, y, alpha=None, gamma=gm, reduction="none")
            for gm in (0.5, 1.0, 5.0)}


@case("alpha 0.75 and 0.0", atol=1e-7, rtol=1e-5)
def alphas(sub):
    x, y = batch(6, 3, seed=3, pos=0.5)
    return {f"alpha_{a}": sub.focal_loss(x, y, alpha=a, gamma=2.0, reduction="none")
            for a in (0.75, 0.0)}


@case("huge logits (+/-200, float32): confident mistakes cost ~200 alpha_t", atol=1e-4, rtol=1e-6)
def huge(sub):
    x = torch.tensor([200.0, -200.0, 200.0, -200.0, 90.0, -120.0, 0.0])
    y = torch.tensor([1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0])
    return {"none": sub.focal_loss(x, y, reduction="none"),
            "gamma_0.5": sub.focal_loss(x, y, alpha=None, gamma=0.5, reduction="none")}


@case("3-D input and a single element", atol=1e-6, rtol=1e-5)
def shapes(sub):
    x, y = batch(2, 3, 4, seed=4)
    return {"mean_3d": sub.focal_loss(x, y, alpha=0.4, gamma=1.5),
            "none_3d": sub.focal_loss(x, y, alpha=0.4, gamma=1.5, reduction="none"),
            "single": sub.focal_loss(torch.tensor([-0.3]), torch.tensor([1.0]), reduction="sum")}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    x, y = batch(7, 3, seed=5, dtype=torch.float64, scale=4.0)
    return {"mean": sub.focal_loss(x, y, alpha=0.3, gamma=2.0),
            "none": sub.focal_loss(x, y, alpha=None, gamma=3.0, reduction="none")}


@case("gradients w.r.t. the logits (float64)", atol=1e-12, rtol=1e-9)
def gradients(sub):
    x0, y = batch(6, 4, seed=6, dtype=torch.float64, scale=3.0, pos=0.4)
    out = {}
    for name, alpha, gamma in (("a0.25_g2", 0.25, 2.0), ("none_g0.5", None, 0.5), ("a0.6_g0", 0.6, 0.0)):
        x = x0.clone().requires_grad_(True)
        loss = sub.focal_loss(x, y, alpha=alpha, gamma=gamma, reduction="sum")
        loss.backward()
        out[f"loss_{name}"] = loss.detach()
        out[f"grad_{name}"] = x.grad
    return out
