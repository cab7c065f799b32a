"""The multi-head attention reference agrees with torch.nn.MultiheadAttention."""

from pathlib import Path

import pytest
import torch
from itemload import load_module

ITEM = Path(__file__).parents[2] / "src/onsite/packs/core/code/attention/multi-head"


def load(path: Path):
    return load_module(path)


reference = load(ITEM / ".meta/solution.py")


def pair(d_model: int, n_heads: int, bias: bool, seed: int):
    """Our module and torch's, with identical random weights, in float64."""
    torch.manual_seed(seed)
    ours = reference.MultiHeadAttention(d_model, n_heads, bias=bias).double()
    theirs = torch.nn.MultiheadAttention(d_model, n_heads, bias=bias, batch_first=True).double()
    with torch.no_grad():
        for lin in (ours.q_proj, ours.k_proj, ours.v_proj, ours.out_proj):
            lin.weight.normal_(0.0, d_model**-0.5)
            if bias:
                lin.bias.normal_(0.0, 0.1)
        theirs.in_proj_weight.copy_(
            torch.cat([ours.q_proj.weight, ours.k_proj.weight, ours.v_proj.weight]))
        theirs.out_proj.weight.copy_(ours.out_proj.weight)
        if bias:
            theirs.in_proj_bias.copy_(torch.cat([ours.q_proj.bias, ours.k_proj.bias,
                                                 ours.v_proj.bias]))
            theirs.out_proj.bias.copy_(ours.out_proj.bias)
    return ours, theirs


def torch_mask(mask: torch.Tensor | None, B: int, H: int, L: int, S: int):
    """Our 'True = may attend' mask as torch's 'True = blocked' (L, S) or (B*H, L, S) mask."""
    if mask is None:
        return None
    full = mask.expand(B, H, L, S)
    return ~(full.reshape(B * H, L, S))


@pytest.mark.parametrize(
    "d_model,n_heads,bias,B,L,S,kind",
    [
        (64, 8, True, 2, 7, 7, "self"),
        (64, 8, True, 2, 7, 7, "causal"),
        (32, 4, True, 3, 3, 9, "cross"),
        (32, 4, False, 2, 5, 6, "padding"),
        (16, 1, True, 2, 5, 5, "causal"),
        (96, 3, False, 1, 1, 4, "cross"),
    ],
)
def test_matches_torch(d_model, n_heads, bias, B, L, S, kind):
    ours, theirs = pair(d_model, n_heads, bias, seed=d_model + L + S)
    g = torch.Generator().manual_seed(123)
    x_q = torch.randn(B, L, d_model, generator=g, dtype=torch.float64)
    x_kv = x_q if kind in ("self", "causal") else torch.randn(B, S, d_model, generator=g,
                                                              dtype=torch.float64)
    mask = None
    if kind == "causal":
        mask = torch.ones(L, S, dtype=torch.bool).tril()
    elif kind == "padding":
        lengths = torch.randint(1, S + 1, (B,), generator=g)
        mask = (torch.arange(S)[None, :] < lengths[:, None])[:, None, None, :]

    results = []
    for module, call in (
        (ours, lambda a, b: ours(a, b, mask)),
        (theirs, lambda a, b: theirs(a, b, b, attn_mask=torch_mask(mask, B, n_heads, L, S),
                                     need_weights=False)[0]),
    ):
        a = x_q.clone().requires_grad_(True)
        b = a if x_kv is x_q else x_kv.clone().requires_grad_(True)
        out = call(a, b)
        upstream = torch.randn(out.shape, generator=torch.Generator().manual_seed(7),
                               dtype=out.dtype)
        (out * upstream).sum().backward()
        grads = [a.grad, b.grad] + [p.grad for p in module.parameters()]
        results.append((out.detach(), grads))

    (out_ours, grads_ours), (out_theirs, grads_theirs) = results
    torch.testing.assert_close(out_ours, out_theirs, atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(grads_ours[0], grads_theirs[0], atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(grads_ours[1], grads_theirs[1], atol=1e-12, rtol=1e-10)
    # Parameter gradients: torch's fused in_proj holds q, k, v stacked.
    named = dict(ours.named_parameters())
    ours_in_w = torch.cat([named[f"{n}.weight"].grad for n in ("q_proj", "k_proj", "v_proj")])
    torch.testing.assert_close(ours_in_w, theirs.in_proj_weight.grad, atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(named["out_proj.weight"].grad, theirs.out_proj.weight.grad,
                               atol=1e-12, rtol=1e-10)
    if bias:
        ours_in_b = torch.cat([named[f"{n}.bias"].grad for n in ("q_proj", "k_proj", "v_proj")])
        torch.testing.assert_close(ours_in_b, theirs.in_proj_bias.grad, atol=1e-12, rtol=1e-10)


def test_detects_a_wrong_variant():
    """The comparison has teeth: a variant without the transpose disagrees with torch."""
    wrong = load(ITEM / ".meta/wrong/view_without_transpose.py")
    ours, theirs = pair(32, 4, True, seed=0)
    bad = wrong.MultiHeadAttention(32, 4).double()
    bad.load_state_dict(ours.state_dict())
    x = torch.randn(2, 5, 32, dtype=torch.float64)
    expected = theirs(x, x, x, need_weights=False)[0]
    torch.testing.assert_close(ours(x, x), expected, atol=1e-12, rtol=1e-10)
    assert not torch.allclose(bad(x, x), expected, atol=1e-6)
