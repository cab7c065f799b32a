"""attention/kv-cache-decoding: prefill plus steps equals full causal attention computed
by torch's F.scaled_dot_product_attention over the whole sequence."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "attention/kv-cache-decoding"
ref = reference(ITEM)


def params(d_model, seed):
    g = torch.Generator().manual_seed(seed)
    return {n: torch.randn(d_model, d_model, generator=g, dtype=torch.float64) / d_model**0.5
            for n in ("w_q", "w_k", "w_v", "w_o")}


def torch_full(x, p, n_heads):
    """Full causal multi-head attention, heads split as (B, T, H, d_head)."""
    B, T, d = x.shape

    def split(t):
        return t.view(B, T, n_heads, d // n_heads).transpose(1, 2)

    heads = F.scaled_dot_product_attention(split(x @ p["w_q"]), split(x @ p["w_k"]),
                                           split(x @ p["w_v"]), is_causal=True)
    return heads.transpose(1, 2).reshape(B, T, d) @ p["w_o"], split(x @ p["w_k"])


def incremental(mod, x, p, n_heads, chunks):
    cache, outs, start = None, [], 0
    for size in chunks:
        out, cache = mod.cached_attention(x[:, start:start + size], p, n_heads, cache)
        outs.append(out)
        start += size
    return torch.cat(outs, dim=1), cache


@pytest.mark.parametrize("d_model,n_heads,chunks", [
    (32, 4, [8]), (32, 4, [4, 1, 1, 1, 1]), (16, 1, [1] * 6), (48, 6, [3, 3, 1, 2]),
    (24, 3, [1, 5, 1]), (64, 8, [5, 2, 2, 1]),
])
def test_incremental_equals_full_causal(d_model, n_heads, chunks):
    g = torch.Generator().manual_seed(sum(chunks) + d_model)
    x = torch.randn(2, sum(chunks), d_model, generator=g, dtype=torch.float64)
    p = params(d_model, seed=n_heads)
    want, want_k = torch_full(x, p, n_heads)
    got, (k, v) = incremental(ref, x, p, n_heads, chunks)
    torch.testing.assert_close(got, want, atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(k, want_k, atol=1e-12, rtol=1e-10)
    assert v.shape == k.shape == (2, n_heads, sum(chunks), d_model // n_heads)


def test_prefill_matches_mha_module():
    """One prefill call agrees with nn.MultiheadAttention (weights transposed, no bias)."""
    torch.manual_seed(0)
    d, H = 32, 4
    p = params(d, seed=9)
    mha = torch.nn.MultiheadAttention(d, H, bias=False, batch_first=True).double()
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.cat([p["w_q"].T, p["w_k"].T, p["w_v"].T]))
        mha.out_proj.weight.copy_(p["w_o"].T)
    x = torch.randn(3, 7, d, dtype=torch.float64)
    blocked = torch.ones(7, 7, dtype=torch.bool).triu(1)
    want = mha(x, x, x, attn_mask=blocked, need_weights=False)[0]
    got, _ = ref.cached_attention(x, p, H)
    torch.testing.assert_close(got, want, atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize("name", ["mask_without_offset", "attend_before_append", "no_mask_in_chunks",
                                  "cache_before_head_split", "scale_by_d_model"])
def test_wrong_variants_disagree(name):
    g = torch.Generator().manual_seed(5)
    x = torch.randn(2, 7, 32, generator=g, dtype=torch.float64)
    p = params(32, seed=4)
    want, _ = torch_full(x, p, 4)
    got, _ = incremental(wrong(ITEM, name), x, p, 4, [3, 3, 1])
    assert not torch.allclose(got, want, atol=1e-6)
