"""transformers/pre-ln-block: the reference against nn.TransformerEncoderLayer(norm_first=True) and against
a composition of nn.LayerNorm, nn.MultiheadAttention and nn.Linear, all with copied weights."""

import pytest
import torch
from itemload import reference, wrong
from torch import nn

ITEM = "transformers/pre-ln-block"
ref = reference(ITEM)


def make(d, d_ff, seed):
    g = torch.Generator().manual_seed(seed)
    r = lambda *s, scale: torch.randn(*s, generator=g, dtype=torch.float64) * scale  # noqa: E731
    p = {f"{ln}_{kind}": (1.0 if kind == "weight" else 0.0) + r(d, scale=0.3)
         for ln in ("ln1", "ln2") for kind in ("weight", "bias")}
    for n in "qkvo":
        p[f"w_{n}"], p[f"b_{n}"] = r(d, d, scale=d**-0.5), r(d, scale=0.1)
    p["w_1"], p["b_1"] = r(d_ff, d, scale=d**-0.5), r(d_ff, scale=0.1)
    p["w_2"], p["b_2"] = r(d, d_ff, scale=d_ff**-0.5), r(d, scale=0.1)
    return p


def encoder_layer(p, d, H, d_ff, eps, norm_first=True):
    layer = nn.TransformerEncoderLayer(d, H, d_ff, dropout=0.0, activation="gelu", layer_norm_eps=eps,
                                       batch_first=True, norm_first=norm_first, dtype=torch.float64)
    with torch.no_grad():
        layer.self_attn.in_proj_weight.copy_(torch.cat([p["w_q"], p["w_k"], p["w_v"]]))
        layer.self_attn.in_proj_bias.copy_(torch.cat([p["b_q"], p["b_k"], p["b_v"]]))
        layer.self_attn.out_proj.weight.copy_(p["w_o"])
        layer.self_attn.out_proj.bias.copy_(p["b_o"])
        layer.linear1.weight.copy_(p["w_1"])
        layer.linear1.bias.copy_(p["b_1"])
        layer.linear2.weight.copy_(p["w_2"])
        layer.linear2.bias.copy_(p["b_2"])
        for i in (1, 2):
            getattr(layer, f"norm{i}").weight.copy_(p[f"ln{i}_weight"])
            getattr(layer, f"norm{i}").bias.copy_(p[f"ln{i}_bias"])
    return layer.train()  # train mode with dropout 0: the plain (non-fused) path, with autograd


def causal(T):
    return torch.ones(T, T, dtype=torch.bool).triu(1)  # torch: True = not allowed


SHAPES = [(2, 6, 32, 4, 64, 1e-5), (3, 1, 16, 2, 32, 1e-5), (2, 5, 8, 1, 32, 1e-5), (2, 5, 8, 2, 16, 0.1)]


@pytest.mark.parametrize("B,T,d,H,d_ff,eps", SHAPES)
def test_matches_transformer_encoder_layer(B, T, d, H, d_ff, eps):
    p = make(d, d_ff, seed=d + T)
    layer = encoder_layer(p, d, H, d_ff, eps)
    x = torch.randn(B, T, d, generator=torch.Generator().manual_seed(1), dtype=torch.float64) * 2
    xa, xb = x.clone().requires_grad_(True), x.clone().requires_grad_(True)
    ours = ref.pre_ln_block(xa, p, H, eps)
    theirs = layer(xb, src_mask=causal(T))
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    upstream = torch.randn(ours.shape, generator=torch.Generator().manual_seed(2), dtype=torch.float64)
    (ours * upstream).sum().backward()
    (theirs * upstream).sum().backward()
    torch.testing.assert_close(xa.grad, xb.grad, atol=1e-12, rtol=1e-10)


def test_matches_module_composition():
    d, H, d_ff, T = 24, 3, 48, 5
    p = make(d, d_ff, seed=7)
    layer = encoder_layer(p, d, H, d_ff, 1e-5)
    ln1, ln2, attn = layer.norm1, layer.norm2, layer.self_attn
    mlp = nn.Sequential(layer.linear1, nn.GELU(), layer.linear2)
    x = torch.randn(2, T, d, generator=torch.Generator().manual_seed(3), dtype=torch.float64)
    a = ln1(x)
    h = x + attn(a, a, a, attn_mask=causal(T), need_weights=False)[0]
    torch.testing.assert_close(ref.pre_ln_block(x, p, H), h + mlp(ln2(h)), atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize("name", ["post_ln_order", "residual_from_normed", "unbiased_variance",
                                  "eps_outside_sqrt", "same_norm_twice", "tanh_gelu", "not_causal"])
def test_wrong_variants_disagree_with_torch(name):
    p = make(8, 16, seed=0)
    x = torch.randn(2, 5, 8, generator=torch.Generator().manual_seed(4), dtype=torch.float64) * 0.05 + 1
    theirs = encoder_layer(p, 8, 2, 16, 0.1)(x, src_mask=causal(5))
    assert not torch.allclose(wrong(ITEM, name).pre_ln_block(x, p, 2, 0.1), theirs, atol=1e-6)
