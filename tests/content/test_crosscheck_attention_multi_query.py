"""attention/multi-query: the reference against F.scaled_dot_product_attention with the single K/V head
expanded (and with enable_gqa), and the cache count against tensors actually built and counted."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "attention/multi-query"
ref = reference(ITEM)


def seeded(module, seed):
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(torch.randn(p.shape, generator=g, dtype=torch.float64) / p.shape[-1] ** 0.5)
    return module


def torch_version(m, x):
    B, T, d = x.shape
    q = m.q_proj(x).view(B, T, m.n_heads, d // m.n_heads).transpose(1, 2)
    k = m.k_proj(x)[:, None].expand(B, m.n_heads, T, d // m.n_heads)
    v = m.v_proj(x)[:, None].expand(B, m.n_heads, T, d // m.n_heads)
    out = F.scaled_dot_product_attention(q, k, v, is_causal=True)
    return m.out_proj(out.transpose(1, 2).reshape(B, T, d))


SHAPES = [(32, 4, True, 2, 6), (16, 4, True, 3, 1), (8, 1, True, 2, 5), (64, 8, False, 2, 7),
          (24, 3, True, 1, 9)]


@pytest.mark.parametrize("d_model,n_heads,bias,B,T", SHAPES)
def test_matches_sdpa(d_model, n_heads, bias, B, T):
    m = seeded(ref.MultiQueryAttention(d_model, n_heads, bias=bias).double(), seed=d_model + T)
    x = torch.randn(B, T, d_model, generator=torch.Generator().manual_seed(1), dtype=torch.float64) * 2
    xa, xb = x.clone().requires_grad_(True), x.clone().requires_grad_(True)
    ours = m(xa)
    ours_grads = torch.autograd.grad((ours * 1.7).sum(), [xa, *m.parameters()])
    theirs = torch_version(m, xb)
    theirs_grads = torch.autograd.grad((theirs * 1.7).sum(), [xb, *m.parameters()])
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    for a, b in zip(ours_grads, theirs_grads, strict=True):
        torch.testing.assert_close(a, b, atol=1e-12, rtol=1e-10)
    # Same thing through SDPA's own grouped-query path with one KV head.
    q = m.q_proj(x).view(B, T, n_heads, -1).transpose(1, 2)
    out = F.scaled_dot_product_attention(q, m.k_proj(x)[:, None], m.v_proj(x)[:, None], is_causal=True,
                                         enable_gqa=True)
    torch.testing.assert_close(m.out_proj(out.transpose(1, 2).reshape(B, T, d_model)), ours.detach(),
                               atol=1e-12, rtol=1e-10)


def test_shapes_show_the_saving():
    m = ref.MultiQueryAttention(512, 8)
    assert m.k_proj.weight.shape == m.v_proj.weight.shape == (64, 512)
    mha = torch.nn.MultiheadAttention(512, 8)
    assert sum(p.numel() for p in m.parameters()) < sum(p.numel() for p in mha.parameters())


@pytest.mark.parametrize("B,T,n_layers,d_model,H", [(1, 1000, 12, 512, 8), (16, 4096, 32, 4096, 32),
                                                     (3, 7, 2, 24, 3)])
def test_cache_count_matches_built_cache(B, T, n_layers, d_model, H):
    """Count what a decoding loop would actually store: per layer, K and V of every token."""
    d_h = d_model // H
    per_layer_mqa = [torch.empty(B, 1, T, d_h, device="meta") for _ in ("k", "v")]
    per_layer_mha = [torch.empty(B, H, T, d_h, device="meta") for _ in ("k", "v")]
    assert ref.kv_cache_numel(B, T, n_layers, d_model, H) == n_layers * sum(t.numel() for t in per_layer_mqa)
    assert ref.kv_cache_numel(B, T, n_layers, d_model, H, multi_query=False) == n_layers * sum(
        t.numel() for t in per_layer_mha)


@pytest.mark.parametrize("name", ["not_causal", "scale_by_d_model", "merge_without_transpose"])
def test_wrong_variants_disagree_with_sdpa(name):
    m = seeded(ref.MultiQueryAttention(32, 4).double(), seed=0)
    bad = wrong(ITEM, name).MultiQueryAttention(32, 4).double()
    bad.load_state_dict(m.state_dict())
    x = torch.randn(2, 6, 32, generator=torch.Generator().manual_seed(1), dtype=torch.float64)
    assert not torch.allclose(bad(x), torch_version(m, x), atol=1e-6)


def test_full_size_kv_has_mha_shapes():
    bad = wrong(ITEM, "full_size_kv").MultiQueryAttention(512, 8)
    assert bad.k_proj.weight.shape != ref.MultiQueryAttention(512, 8).k_proj.weight.shape
