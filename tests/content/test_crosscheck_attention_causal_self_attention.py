"""attention/causal-self-attention: the reference against F.scaled_dot_product_attention(is_causal=True)."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "attention/causal-self-attention"
ref = reference(ITEM)


def make(B, T, d_model, d_k, d_v, seed, scale=2.0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, T, d_model, generator=g, dtype=torch.float64) * scale
    ws = [torch.randn(a, b, generator=g, dtype=torch.float64) / a**0.5
          for a, b in ((d_model, d_k), (d_model, d_k), (d_model, d_v), (d_v, d_model))]
    return x, *ws


def torch_version(x, w_q, w_k, w_v, w_o):
    out = F.scaled_dot_product_attention(x @ w_q, x @ w_k, x @ w_v, is_causal=True)
    return out @ w_o


@pytest.mark.parametrize("B,T,d_model,d_k,d_v", [(2, 6, 16, 8, 8), (3, 1, 8, 4, 4), (1, 17, 32, 4, 12),
                                                 (2, 9, 12, 12, 3)])
def test_matches_sdpa_forward_and_backward(B, T, d_model, d_k, d_v):
    tensors = make(B, T, d_model, d_k, d_v, seed=T + d_k)
    ours_in = [t.clone().requires_grad_(True) for t in tensors]
    theirs_in = [t.clone().requires_grad_(True) for t in tensors]
    ours, weights = ref.causal_self_attention(*ours_in)
    theirs = torch_version(*theirs_in)
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    upstream = torch.randn(ours.shape, generator=torch.Generator().manual_seed(1), dtype=torch.float64)
    (ours * upstream).sum().backward()
    (theirs * upstream).sum().backward()
    for a, b in zip(ours_in, theirs_in, strict=True):
        torch.testing.assert_close(a.grad, b.grad, atol=1e-12, rtol=1e-10)
    # The weights are a causal distribution: rows sum to one, zero above the diagonal.
    torch.testing.assert_close(weights.sum(-1), torch.ones(B, T, dtype=torch.float64))
    assert (weights.triu(1) == 0).all()


@pytest.mark.parametrize("name", ["mask_after_softmax", "upper_triangle", "no_scaling", "scale_by_d_model"])
def test_wrong_variants_disagree_with_sdpa(name):
    tensors = make(2, 6, 16, 8, 8, seed=0)
    bad, _ = wrong(ITEM, name).causal_self_attention(*tensors)
    assert not torch.allclose(bad, torch_version(*tensors), atol=1e-6)
