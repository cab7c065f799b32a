"""systems/tensor-parallel-attention: the sharded reference against torch.nn.MultiheadAttention
loaded with the same weights (in_proj = w_qkv^T, out_proj = w_o^T), for several R."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "systems/tensor-parallel-attention"
ref = reference(ITEM)


def setup(d, H, seed):
    g = torch.Generator().manual_seed(seed)
    w_qkv = torch.randn(d, 3 * d, generator=g, dtype=torch.float64) / d**0.5
    b_qkv = torch.randn(3 * d, generator=g, dtype=torch.float64) * 0.1
    w_o = torch.randn(d, d, generator=g, dtype=torch.float64) / d**0.5
    b_o = torch.randn(d, generator=g, dtype=torch.float64) * 0.5
    x = torch.randn(2, 7, d, generator=g, dtype=torch.float64)
    mha = torch.nn.MultiheadAttention(d, H, batch_first=True, dtype=torch.float64)
    with torch.no_grad():
        mha.in_proj_weight.copy_(w_qkv.T)
        mha.in_proj_bias.copy_(b_qkv)
        mha.out_proj.weight.copy_(w_o.T)
        mha.out_proj.bias.copy_(b_o)
    return x, (w_qkv, b_qkv, w_o, b_o), mha


@pytest.mark.parametrize("d,H,R,causal,seed", [
    (16, 4, 1, False, 0), (16, 4, 2, True, 1), (16, 4, 4, False, 2), (24, 6, 3, True, 3),
    (32, 8, 4, True, 4), (32, 8, 8, False, 5), (12, 2, 2, True, 6),
])
def test_matches_multihead_attention(d, H, R, causal, seed):
    x, w, mha = setup(d, H, seed)
    mask = torch.ones(7, 7, dtype=torch.bool).triu(1) if causal else None
    want, _ = mha(x, x, x, attn_mask=mask, need_weights=False)
    out, partials, shapes = ref.tensor_parallel_attention(x, *w, H, R, causal)
    torch.testing.assert_close(out, want, atol=1e-12, rtol=1e-10)
    assert len(partials) == R
    assert shapes == [{"w_qkv": [d, 3 * d // R], "b_qkv": [3 * d // R], "w_o": [d // R, d]}] * R


@pytest.mark.parametrize("name", ["contiguous_qkv_split", "all_reduce_mean", "bias_on_every_rank",
                                  "global_head_count_per_rank"])
def test_wrong_variants_disagree(name):
    x, w, mha = setup(16, 4, 7)
    want, _ = mha(x, x, x, need_weights=False)
    out, _, _ = wrong(ITEM, name).tensor_parallel_attention(x, *w, 4, 2, False)
    assert not torch.allclose(out, want, atol=1e-6)
