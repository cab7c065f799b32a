"""transformers/moe-top-k-router: the reference against a dense oracle (every expert on every
token, gates placed by a plain-Python sort on (-p, index)) and a loop for the aux loss."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "transformers/moe-top-k-router"
ref = reference(ITEM)


def experts_for(E, d, F, seed):
    g = torch.Generator().manual_seed(seed)
    shapes = ((d, F), (F,), (F, d), (d,))
    return [tuple(torch.randn(*s, generator=g, dtype=torch.float64) * 0.5 for s in shapes) for _ in range(E)]


def oracle(x, w, experts, k):
    probs = torch.softmax(x @ w, dim=-1)
    T, E = probs.shape
    dense = torch.zeros(T, E, dtype=x.dtype)
    counts = [0] * E
    for t in range(T):
        row = probs[t].tolist()
        chosen = sorted(range(E), key=lambda e: (-row[e], e))[:k]
        for e in chosen:
            dense[t, e] = probs[t, e] / probs[t, chosen].sum()
            counts[e] += 1
    # every expert on every token: (T, E, d)
    outs = torch.stack([torch.relu(x @ w1 + b1) @ w2 + b2 for (w1, b1, w2, b2) in experts], dim=1)
    y = (dense.unsqueeze(-1) * outs).sum(dim=1)
    P = probs.mean(dim=0)
    aux = E * sum(counts[e] / (T * k) * P[e] for e in range(E))
    return y, aux


CONFIGS = [(12, 8, 4, 16, 2, 0), (16, 8, 6, 12, 1, 1), (1, 4, 3, 6, 3, 2), (20, 6, 8, 8, 3, 3),
           (9, 5, 5, 4, 5, 4)]


@pytest.mark.parametrize("T,d,E,F,k,seed", CONFIGS)
def test_matches_dense_oracle_values_and_grads(T, d, E, F, k, seed):
    g = torch.Generator().manual_seed(100 + seed)
    x = torch.randn(T, d, generator=g, dtype=torch.float64, requires_grad=True)
    w = torch.randn(d, E, generator=g, dtype=torch.float64, requires_grad=True)
    experts = experts_for(E, d, F, seed)
    leaves = [x, w] + [p.requires_grad_(True) for params in experts for p in params]
    up = torch.randn(T, d, generator=g, dtype=torch.float64)
    results = []
    for fn in (ref.moe_forward, oracle):
        y, aux = fn(x, w, experts, k)
        grads = torch.autograd.grad((y * up).sum() + 2 * aux, leaves, allow_unused=True)
        results.append((y, aux, [torch.zeros_like(p) if gr is None else gr for p, gr in zip(leaves, grads,
                                                                                                  strict=True)]))
    (y1, a1, g1), (y2, a2, g2) = results
    torch.testing.assert_close(y1, y2, atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(a1, torch.as_tensor(a2, dtype=torch.float64), atol=1e-12, rtol=1e-10)
    for a, b in zip(g1, g2, strict=True):
        torch.testing.assert_close(a, b, atol=1e-11, rtol=1e-9)


def test_ties_and_uniform_routing():
    logits = torch.tensor([[1.0, 3.0, 3.0, 0.0, 3.0], [2.0] * 5])
    for k in range(1, 6):
        idx, gates, _ = ref.top_k_route(logits, k)
        for t in range(2):
            row = torch.softmax(logits[t], -1).tolist()
            assert idx[t].tolist() == sorted(range(5), key=lambda e: (-row[e], e))[:k]
        torch.testing.assert_close(gates.sum(-1), torch.ones(2))
    # Perfectly balanced routing gives aux = 1: zero router, T a multiple of E, k = E.
    x = torch.randn(8, 3, dtype=torch.float64)
    _, aux = ref.moe_forward(x, torch.zeros(3, 4, dtype=torch.float64), experts_for(4, 3, 2, 0), 4)
    assert aux.item() == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("name", ["no_renormalise", "topk_ties", "f_not_divided_by_k", "soft_fraction",
                                  "ungated_combine", "full_softmax_gates"])
def test_wrong_variants_disagree(name):
    g = torch.Generator().manual_seed(9)
    x = torch.randn(10, 6, generator=g, dtype=torch.float64)
    w = torch.randn(6, 4, generator=g, dtype=torch.float64)
    w[:, 2] = w[:, 0]  # ties between experts 0 and 2
    experts = experts_for(4, 6, 8, 5)
    bad = wrong(ITEM, name)
    disagree = False
    for k in (1, 2):
        y, aux = bad.moe_forward(x, w, experts, k)
        y_want, aux_want = oracle(x, w, experts, k)
        disagree |= not torch.allclose(y, y_want) or abs(aux.item() - float(aux_want)) > 1e-9
    assert disagree
