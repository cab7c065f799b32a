import torch

from onsite.judge.cases import case


def randn(*shape, seed, scale=1.0, dtype=torch.float32):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype) * scale


def per_layer(sub, w, s, suffix=""):
    mask = sub.magnitude_prune(w.clone(), s)
    return {f"mask{suffix}": mask, f"kept{suffix}": int(mask.sum())}


@case("per layer: (8, 16) weight, sparsity 0.5", atol=0, rtol=0)
def basic(sub):
    return per_layer(sub, randn(8, 16, seed=0), 0.5)


@case("sparsity 0 keeps everything, 1 prunes everything, 0.9 keeps the largest", atol=0, rtol=0)
def extremes(sub):
    w = randn(5, 6, seed=1)
    return {**per_layer(sub, w, 0.0, "_s0"), **per_layer(sub, w, 1.0, "_s1"),
            **per_layer(sub, w, 0.9, "_s0.9")}


@case("negative weights: magnitude, not value", atol=0, rtol=0)
def negatives(sub):
    w = torch.tensor([[-5.0, 0.1, 3.0, -0.2], [0.05, -4.0, 0.3, 2.0]])
    return per_layer(sub, w, 0.5)


@case("ties at the threshold: exactly k pruned, lower flat index first (n = 40)", atol=0, rtol=0)
def ties(sub):
    g = torch.Generator().manual_seed(2)
    w = (torch.randint(1, 4, (5, 8), generator=g) * (torch.randint(0, 2, (5, 8), generator=g) * 2 - 1))
    return {**per_layer(sub, w.float(), 0.3, "_s0.3"), **per_layer(sub, w.float(), 0.55, "_s0.55")}


@case("k = round(sparsity * n): 0.29 of 100 weights is 29", atol=0, rtol=0)
def rounding(sub):
    w = randn(10, 10, seed=3)
    return {**per_layer(sub, w, 0.29, "_s0.29"), **per_layer(sub, w, 0.57, "_s0.57")}


@case("conv weight (4, 3, 3, 3) and a bias vector", atol=0, rtol=0)
def shapes(sub):
    return {**per_layer(sub, randn(4, 3, 3, 3, seed=4), 0.6, "_conv"),
            **per_layer(sub, randn(7, seed=5), 0.4, "_bias")}


@case("global pruning across layers of different scales", atol=0, rtol=0)
def global_scales(sub):
    ws = [randn(6, 8, seed=6, scale=0.1), randn(8, 8, seed=7, scale=1.0), randn(3, 8, seed=8, scale=3.0)]
    masks = sub.global_magnitude_prune([w.clone() for w in ws], 0.5)
    out = {f"mask_{i}": m for i, m in enumerate(masks)}
    out["kept_per_layer"] = [int(m.sum()) for m in masks]
    return out


@case("global pruning: ties across tensors go by position in the concatenation", atol=0, rtol=0)
def global_ties(sub):
    ws = [torch.tensor([[1.0, -2.0], [2.0, 1.0]]), torch.tensor([1.0, 2.0, -1.0]),
          torch.tensor([[3.0, 1.0, 2.0]])]
    out = {}
    for s in (0.3, 0.6):
        masks = sub.global_magnitude_prune([w.clone() for w in ws], s)
        out.update({f"mask_{i}_s{s}": m for i, m in enumerate(masks)})
    return out


@case("global with one tensor equals per-layer", atol=0, rtol=0)
def global_single(sub):
    w = randn(6, 7, seed=9)
    return {"global": sub.global_magnitude_prune([w.clone()], 0.4)[0],
            "per_layer": sub.magnitude_prune(w.clone(), 0.4)}
