"""attention/attention-backward: the hand-written gradients against torch autograd through
F.scaled_dot_product_attention (and through an explicit softmax forward), in float64."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "attention/attention-backward"
ref = reference(ITEM)


def autograd_grads(q, k, v, d_out, mask):
    leaves = [t.clone().requires_grad_(True) for t in (q, k, v)]
    out = F.scaled_dot_product_attention(*leaves, attn_mask=mask)
    return torch.autograd.grad(out, leaves, grad_outputs=d_out)


def inputs(*batch, L, S, D, Dv, seed, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(*batch, L, D, generator=g, dtype=torch.float64) * scale,
            torch.randn(*batch, S, D, generator=g, dtype=torch.float64) * scale,
            torch.randn(*batch, S, Dv, generator=g, dtype=torch.float64),
            torch.randn(*batch, L, Dv, generator=g, dtype=torch.float64))


def make_mask(kind, batch, L, S, seed):
    if kind == "none":
        return None
    if kind == "causal":
        return torch.ones(L, S, dtype=torch.bool).tril()
    g = torch.Generator().manual_seed(seed)
    lengths = torch.randint(1, S + 1, (batch,), generator=g)
    return (torch.arange(S)[None, :] < lengths[:, None])[:, None, None, :]  # (B, 1, 1, S)


@pytest.mark.parametrize("B,H,L,S,D,Dv,kind,scale", [
    (2, 1, 6, 6, 8, 8, "none", 1.0), (2, 3, 5, 5, 8, 8, "causal", 1.0), (2, 2, 3, 7, 4, 5, "padding", 1.0),
    (1, 1, 1, 1, 4, 4, "none", 1.0), (2, 2, 9, 9, 16, 4, "causal", 4.0), (3, 2, 4, 11, 6, 6, "padding", 2.0),
])
def test_matches_autograd(B, H, L, S, D, Dv, kind, scale):
    q, k, v, d_out = inputs(B, H, L=L, S=S, D=D, Dv=Dv, seed=L * S + D, scale=scale)
    mask = make_mask(kind, B, L, S, seed=S)
    ours = ref.attention_backward(q, k, v, d_out, mask)
    for a, b in zip(ours, autograd_grads(q, k, v, d_out, mask), strict=True):
        torch.testing.assert_close(a, b, atol=1e-11, rtol=1e-9)


def test_single_visible_key_gets_no_score_gradient():
    q, k, v, d_out = inputs(1, L=4, S=5, D=3, Dv=2, seed=3)
    mask = torch.zeros(4, 5, dtype=torch.bool)
    mask[torch.arange(4), torch.tensor([0, 2, 2, 4])] = True
    dq, dk, dv = ref.attention_backward(q, k, v, d_out, mask)
    assert torch.equal(dq, torch.zeros_like(dq)) and torch.equal(dk, torch.zeros_like(dk))
    torch.testing.assert_close(dv, autograd_grads(q, k, v, d_out, mask)[2], atol=1e-12, rtol=1e-12)


@pytest.mark.parametrize("name", ["diagonal_jacobian", "row_sum_over_queries", "no_scale_in_backward",
                                  "dv_not_transposed", "mask_ignored", "dk_from_ds_not_transposed"])
def test_wrong_variants_disagree(name):
    q, k, v, d_out = inputs(2, L=5, S=5, D=4, Dv=4, seed=1)
    mask = torch.ones(5, 5, dtype=torch.bool).tril()
    got = wrong(ITEM, name).attention_backward(q, k, v, d_out, mask)
    want = autograd_grads(q, k, v, d_out, mask)
    assert not all(torch.allclose(a, b) for a, b in zip(got, want, strict=True))
