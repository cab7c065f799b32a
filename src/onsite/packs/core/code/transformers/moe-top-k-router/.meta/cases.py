import torch

from onsite.judge.cases import case


def make_experts(E, d, F, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    experts = []
    for _ in range(E):
        w1 = torch.randn(d, F, generator=g, dtype=dtype) / d**0.5
        b1 = torch.randn(F, generator=g, dtype=dtype) * 0.1
        w2 = torch.randn(F, d, generator=g, dtype=dtype) / F**0.5
        b2 = torch.randn(d, generator=g, dtype=dtype) * 0.1
        experts.append((w1, b1, w2, b2))
    return experts


def tokens(T, d, *, seed, dtype=torch.float32):
    return torch.randn(T, d, generator=torch.Generator().manual_seed(seed), dtype=dtype)


def router(d, E, *, seed, dtype=torch.float32, scale=1.0):
    return torch.randn(d, E, generator=torch.Generator().manual_seed(seed), dtype=dtype) * scale


@case("route: 10 tokens, 8 experts, k = 2", atol=1e-6, rtol=1e-5)
def route_basic(sub):
    logits = torch.randn(10, 8, generator=torch.Generator().manual_seed(0)) * 2
    indices, gates, probs = sub.top_k_route(logits, 2)
    return {"indices": indices, "gates": gates, "probs": probs}


@case("route: exact ties are broken by the lower expert index", atol=1e-6, rtol=1e-5)
def route_ties(sub):
    logits = torch.tensor([[1.0, 3.0, 3.0, 0.0, 3.0, 3.0],
                           [2.0, 2.0, 2.0, 2.0, 2.0, 2.0],
                           [0.0, 5.0, 1.0, 1.0, 5.0, 1.0],
                           [4.0, 0.0, 0.0, 0.0, 0.0, 0.0]])
    out = {}
    for k in (1, 2, 3):
        indices, gates, _ = sub.top_k_route(logits, k)
        out |= {f"indices (k={k})": indices, f"gates (k={k})": gates}
    return out


@case("route: k = 1 gives gates of exactly 1; k = E keeps every expert", atol=1e-6, rtol=1e-5)
def route_extremes(sub):
    logits = torch.randn(6, 5, generator=torch.Generator().manual_seed(1))
    i1, g1, _ = sub.top_k_route(logits, 1)
    i5, g5, p5 = sub.top_k_route(logits, 5)
    return {"indices (k=1)": i1, "gates (k=1)": g1, "indices (k=E)": i5, "gates (k=E)": g5, "probs": p5}


@case("layer: 12 tokens, 4 experts, k = 2", atol=1e-5, rtol=1e-4)
def layer_basic(sub):
    y, aux = sub.moe_forward(tokens(12, 8, seed=2), router(8, 4, seed=3), make_experts(4, 8, 16, seed=4), 2)
    return {"y": y, "aux_loss": aux}


@case("layer: top-1 (Switch), 16 tokens, 6 experts", atol=1e-5, rtol=1e-4)
def layer_top1(sub):
    y, aux = sub.moe_forward(tokens(16, 8, seed=5), router(8, 6, seed=6, scale=2.0),
                             make_experts(6, 8, 12, seed=7), 1)
    return {"y": y, "aux_loss": aux}


@case("layer: two experts receive no token at all", atol=1e-5, rtol=1e-4)
def layer_idle(sub):
    w = router(8, 5, seed=8)
    w[:, 1] = -w.abs().sum(dim=0).max() * 10          # experts 1 and 3 lose every token
    w[:, 3] = w[:, 1]
    x = tokens(9, 8, seed=9).abs()                     # positive inputs, so the columns above stay lowest
    y, aux = sub.moe_forward(x, w, make_experts(5, 8, 8, seed=10), 2)
    return {"y": y, "aux_loss": aux}


@case("layer: duplicated router columns create ties in routing", atol=1e-5, rtol=1e-4)
def layer_ties(sub):
    w = router(6, 4, seed=11)
    w[:, 2] = w[:, 0]                                  # experts 0 and 2 always tie
    y, aux = sub.moe_forward(tokens(10, 6, seed=12), w, make_experts(4, 6, 8, seed=13), 1)
    return {"y": y, "aux_loss": aux}


@case("layer: one token, k = 3 of 3 experts", atol=1e-5, rtol=1e-4)
def layer_single(sub):
    y, aux = sub.moe_forward(tokens(1, 4, seed=14), router(4, 3, seed=15), make_experts(3, 4, 6, seed=16), 3)
    return {"y": y, "aux_loss": aux}


@case("gradients through y and the aux loss (float64)", atol=1e-10, rtol=1e-8, strict_dtype=True)
def gradients(sub):
    dt = torch.float64
    x = tokens(10, 6, seed=17, dtype=dt).requires_grad_(True)
    w = router(6, 4, seed=18, dtype=dt).requires_grad_(True)
    experts = make_experts(4, 6, 8, seed=19, dtype=dt)
    for params in experts:
        for p in params:
            p.requires_grad_(True)
    y, aux = sub.moe_forward(x, w, experts, 2)
    up = torch.randn(y.shape, generator=torch.Generator().manual_seed(99), dtype=dt)
    ((y * up).sum() + 3.0 * aux).backward()
    out = {"y": y, "aux_loss": aux, "grad_x": x.grad, "grad_router": w.grad}
    for e, params in enumerate(experts):
        out |= {f"grad expert {e} {n}": p.grad for n, p in zip(("w1", "b1", "w2", "b2"), params, strict=True)}
    return out
