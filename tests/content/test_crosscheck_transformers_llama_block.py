"""transformers/llama-block: the reference against torch ops composed differently:
F.rms_norm, RoPE as complex multiplication (torch.polar), F.scaled_dot_product_attention
with is_causal=True and F.silu, values and gradients in float64."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "transformers/llama-block"
ref = reference(ITEM)


def rope_complex(x, base):
    """Pair (i, i + d/2) as the complex number x_i + j x_{i+d/2}, times exp(j m theta_i)."""
    T, d = x.shape[-2:]
    theta = 1.0 / base ** (torch.arange(d // 2, dtype=torch.float64) * 2 / d)
    angles = torch.arange(T, dtype=torch.float64)[:, None] * theta
    rot = torch.polar(torch.ones_like(angles), angles)
    z = torch.complex(x[..., : d // 2], x[..., d // 2:]) * rot
    return torch.cat([z.real, z.imag], dim=-1)


def torch_block(x, p, H, base=10000.0, eps=1e-6):
    B, T, d = x.shape
    n = F.rms_norm(x, (d,), p["attn_norm.weight"], eps)

    def heads(t):
        return t.unflatten(-1, (H, d // H)).permute(0, 2, 1, 3)

    q = rope_complex(heads(n @ p["wq"]), base)
    k = rope_complex(heads(n @ p["wk"]), base)
    attn = F.scaled_dot_product_attention(q, k, heads(n @ p["wv"]), is_causal=True)
    h = x + attn.permute(0, 2, 1, 3).flatten(-2) @ p["wo"]
    n = F.rms_norm(h, (d,), p["ffn_norm.weight"], eps)
    return h + (F.silu(n @ p["w_gate"]) * (n @ p["w_up"])) @ p["w_down"]


def make_params(d, F_, seed):
    g = torch.Generator().manual_seed(seed)

    def mat(r, c):
        return torch.randn(r, c, generator=g, dtype=torch.float64) / r**0.5

    return {"attn_norm.weight": 1 + 0.2 * torch.randn(d, generator=g, dtype=torch.float64),
            "ffn_norm.weight": 1 + 0.2 * torch.randn(d, generator=g, dtype=torch.float64),
            "wq": mat(d, d) * 2, "wk": mat(d, d) * 2, "wv": mat(d, d), "wo": mat(d, d),
            "w_gate": mat(d, F_), "w_up": mat(d, F_), "w_down": mat(F_, d)}


@pytest.mark.parametrize("B,T,d,H,F_,base,eps", [
    (2, 6, 32, 4, 48, 10000.0, 1e-6), (3, 1, 8, 1, 16, 10000.0, 1e-6),
    (2, 9, 16, 2, 24, 50.0, 1e-2), (1, 17, 64, 8, 96, 500000.0, 1e-5),
])
def test_block_matches_torch_ops(B, T, d, H, F_, base, eps):
    p = {k: w.requires_grad_(True) for k, w in make_params(d, F_, seed=T + d).items()}
    g = torch.Generator().manual_seed(1)
    x = torch.randn(B, T, d, dtype=torch.float64, generator=g, requires_grad=True)
    ours = ref.llama_block(x, p, H, base, eps)
    theirs = torch_block(x, p, H, base, eps)
    torch.testing.assert_close(ours, theirs, atol=1e-11, rtol=1e-10)
    leaves = [x, *p.values()]
    up = torch.randn(ours.shape, dtype=torch.float64)
    grads_ours = torch.autograd.grad((ours * up).sum(), leaves)
    grads_theirs = torch.autograd.grad((theirs * up).sum(), leaves)
    for a, b in zip(grads_ours, grads_theirs, strict=True):
        torch.testing.assert_close(a, b, atol=1e-10, rtol=1e-9)


def test_rope_and_rmsnorm_pieces():
    x = torch.randn(2, 3, 11, 8, dtype=torch.float64)
    for base in (10.0, 10000.0):
        torch.testing.assert_close(ref.apply_rope(x, base), rope_complex(x, base), atol=1e-12, rtol=1e-12)
    # Relative-position property: <rope(q)_m, rope(k)_n> depends on m - n only.
    q = torch.randn(1, 1, 1, 8, dtype=torch.float64).expand(1, 1, 6, 8)
    k = torch.randn(1, 1, 1, 8, dtype=torch.float64).expand(1, 1, 6, 8)
    s = ref.apply_rope(q) @ ref.apply_rope(k).transpose(-2, -1)
    torch.testing.assert_close(s[0, 0, 3, 1], s[0, 0, 4, 2])
    w = torch.randn(8, dtype=torch.float64)
    torch.testing.assert_close(ref.rmsnorm(x, w, 1e-3), F.rms_norm(x, (8,), w, 1e-3), atol=1e-12, rtol=1e-12)


@pytest.mark.parametrize("name", ["interleaved_rope", "rope_on_q_only", "layernorm_centering",
                                  "silu_on_up", "frequencies_without_two", "post_norm"])
def test_wrong_variants_disagree(name):
    p = make_params(16, 24, seed=3)
    x = torch.randn(2, 7, 16, dtype=torch.float64, generator=torch.Generator().manual_seed(4))
    assert not torch.allclose(wrong(ITEM, name).llama_block(x, p, 2), torch_block(x, p, 2), atol=1e-6)
