"""transformers/post-ln-block: the reference against nn.TransformerEncoderLayer(norm_first=False) with copied
weights, with no mask, a causal mask and a key padding mask."""

import pytest
import torch
from itemload import reference, wrong
from torch import nn

ITEM = "transformers/post-ln-block"
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


def encoder_layer(p, d, H, d_ff, eps):
    layer = nn.TransformerEncoderLayer(d, H, d_ff, dropout=0.0, activation="relu", layer_norm_eps=eps,
                                       batch_first=True, norm_first=False, dtype=torch.float64)
    with torch.no_grad():
        layer.self_attn.in_proj_weight.copy_(torch.cat([p["w_q"], p["w_k"], p["w_v"]]))
        layer.self_attn.in_proj_bias.copy_(torch.cat([p["b_q"], p["b_k"], p["b_v"]]))
        layer.self_attn.out_proj.weight.copy_(p["w_o"])
        layer.self_attn.out_proj.bias.copy_(p["b_o"])
        for name, lin in (("1", layer.linear1), ("2", layer.linear2)):
            lin.weight.copy_(p[f"w_{name}"])
            lin.bias.copy_(p[f"b_{name}"])
        for i in (1, 2):
            getattr(layer, f"norm{i}").weight.copy_(p[f"ln{i}_weight"])
            getattr(layer, f"norm{i}").bias.copy_(p[f"ln{i}_bias"])
    return layer.train()  # dropout is 0; train mode keeps the plain autograd path


def run_torch(layer, x, kind, lengths):
    T = x.shape[1]
    if kind == "causal":
        return layer(x, src_mask=torch.ones(T, T, dtype=torch.bool).triu(1))
    if kind == "padding":
        blocked = torch.arange(T)[None, :] >= torch.tensor(lengths)[:, None]
        return layer(x, src_key_padding_mask=blocked)
    return layer(x)


def our_mask(kind, T, lengths):
    if kind == "causal":
        return torch.ones(T, T, dtype=torch.bool).tril()
    if kind == "padding":
        return (torch.arange(T)[None, :] < torch.tensor(lengths)[:, None])[:, None, None, :]
    return None


CASES = [(2, 6, 32, 4, 64, "none", None, 1e-5), (2, 5, 16, 2, 32, "causal", None, 1e-5),
         (3, 6, 16, 4, 64, "padding", [6, 2, 4], 1e-5), (3, 1, 8, 1, 16, "none", None, 1e-5),
         (2, 5, 8, 2, 16, "causal", None, 0.1)]


@pytest.mark.parametrize("B,T,d,H,d_ff,kind,lengths,eps", CASES)
def test_matches_transformer_encoder_layer(B, T, d, H, d_ff, kind, lengths, eps):
    p = make(d, d_ff, seed=d + T)
    layer = encoder_layer(p, d, H, d_ff, eps)
    x = torch.randn(B, T, d, generator=torch.Generator().manual_seed(1), dtype=torch.float64) * 2
    xa, xb = x.clone().requires_grad_(True), x.clone().requires_grad_(True)
    ours = ref.post_ln_block(xa, p, H, our_mask(kind, T, lengths), eps)
    theirs = run_torch(layer, xb, kind, lengths)
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    upstream = torch.randn(ours.shape, generator=torch.Generator().manual_seed(2), dtype=torch.float64)
    (ours * upstream).sum().backward()
    (theirs * upstream).sum().backward()
    torch.testing.assert_close(xa.grad, xb.grad, atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize("name", ["pre_ln_order", "norm_sublayer_only", "no_final_norm", "unbiased_variance",
                                  "torch_mask_convention", "gelu_mlp"])
def test_wrong_variants_disagree_with_torch(name):
    p = make(16, 32, seed=0)
    x = torch.randn(2, 5, 16, generator=torch.Generator().manual_seed(4), dtype=torch.float64) * 2
    theirs = run_torch(encoder_layer(p, 16, 2, 32, 1e-5), x, "causal", None)
    bad = wrong(ITEM, name).post_ln_block(x, p, 2, our_mask("causal", 5, None))
    assert not torch.allclose(bad, theirs, atol=1e-6)
