"""attention/cross-attention: the reference against torch.nn.MultiheadAttention with copied weights."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "attention/cross-attention"
ref = reference(ITEM)


def make(B, L, S, d_model, d_enc, lengths, seed):
    g = torch.Generator().manual_seed(seed)
    x_dec = torch.randn(B, L, d_model, generator=g, dtype=torch.float64) * 2
    x_enc = torch.randn(B, S, d_enc, generator=g, dtype=torch.float64) * 2
    params = {}
    for name, cols in (("q", d_model), ("k", d_enc), ("v", d_enc), ("o", d_model)):
        params[f"w_{name}"] = torch.randn(d_model, cols, generator=g, dtype=torch.float64) / cols**0.5
        params[f"b_{name}"] = torch.randn(d_model, generator=g, dtype=torch.float64) * 0.1
    mask = None if lengths is None else torch.arange(S)[None, :] < torch.tensor(lengths)[:, None]
    return x_dec, x_enc, mask, params


def torch_module(params, d_model, d_enc, n_heads):
    mha = torch.nn.MultiheadAttention(d_model, n_heads, kdim=d_enc, vdim=d_enc, batch_first=True,
                                      dtype=torch.float64)
    with torch.no_grad():
        if d_enc == d_model:  # torch then keeps one fused in_proj_weight
            mha.in_proj_weight.copy_(torch.cat([params["w_q"], params["w_k"], params["w_v"]]))
        else:
            mha.q_proj_weight.copy_(params["w_q"])
            mha.k_proj_weight.copy_(params["w_k"])
            mha.v_proj_weight.copy_(params["w_v"])
        mha.in_proj_bias.copy_(torch.cat([params["b_q"], params["b_k"], params["b_v"]]))
        mha.out_proj.weight.copy_(params["w_o"])
        mha.out_proj.bias.copy_(params["b_o"])
    return mha


def torch_version(x_dec, x_enc, mask, params, n_heads):
    mha = torch_module(params, x_dec.shape[-1], x_enc.shape[-1], n_heads)
    # torch's key_padding_mask is True = ignore: the opposite of ours.
    out, weights = mha(x_dec, x_enc, x_enc, key_padding_mask=None if mask is None else ~mask,
                       need_weights=True, average_attn_weights=False)
    return out, weights, mha


CASES = [(2, 4, 7, 32, 24, [7, 3], 4), (2, 6, 3, 16, 8, None, 2), (4, 4, 6, 16, 16, [6, 1, 4, 2], 4),
         (3, 1, 5, 8, 10, [5, 2, 4], 1), (2, 5, 9, 64, 64, [9, 5], 8)]


@pytest.mark.parametrize("B,L,S,d_model,d_enc,lengths,n_heads", CASES)
def test_matches_torch_multihead_attention(B, L, S, d_model, d_enc, lengths, n_heads):
    x_dec, x_enc, mask, params = make(B, L, S, d_model, d_enc, lengths, seed=L * S)
    a = [x_dec.clone().requires_grad_(True), x_enc.clone().requires_grad_(True)]
    b = [x_dec.clone().requires_grad_(True), x_enc.clone().requires_grad_(True)]
    ours, w_ours = ref.cross_attention(a[0], a[1], mask, params, n_heads)
    theirs, w_theirs, _ = torch_version(b[0], b[1], mask, params, n_heads)
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(w_ours, w_theirs, atol=1e-12, rtol=1e-10)
    upstream = torch.randn(ours.shape, generator=torch.Generator().manual_seed(3), dtype=torch.float64)
    (ours * upstream).sum().backward()
    (theirs * upstream).sum().backward()
    for p, q in zip(a, b, strict=True):
        torch.testing.assert_close(p.grad, q.grad, atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize("name", ["inverted_mask", "padding_after_softmax", "scale_by_d_model",
                                  "untransposed_weights", "mask_on_wrong_axis"])
def test_wrong_variants_disagree_with_torch(name):
    x_dec, x_enc, mask, params = make(4, 4, 6, 16, 16, [6, 1, 4, 2], seed=0)
    theirs, _, _ = torch_version(x_dec, x_enc, mask, params, 4)
    bad, _ = wrong(ITEM, name).cross_attention(x_dec, x_enc, mask, params, 4)
    assert not torch.allclose(bad, theirs, atol=1e-6, equal_nan=False)
