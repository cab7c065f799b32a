"""Cross-checks for systems/transformer-flops: param_count against a real torch.nn GPT-style module
built from the description (counting numel of its parameters, tied weights once), the published
GPT-2 sizes, and the FLOP count against the multiply-adds of the module's matmuls on one token,
counted with a TorchDispatchMode."""

from __future__ import annotations

import pytest
import torch
from itemload import item_dir, reference, wrong
from torch import nn
from torch.utils._python_dispatch import TorchDispatchMode

ITEM = "systems/transformer-flops"
ref = reference(ITEM)


class Block(nn.Module):
    def __init__(self, d, d_ff, bias):
        super().__init__()
        self.ln1 = nn.LayerNorm(d, bias=bias)
        self.qkv = nn.Linear(d, 3 * d, bias=bias)
        self.proj = nn.Linear(d, d, bias=bias)
        self.ln2 = nn.LayerNorm(d, bias=bias)
        self.up = nn.Linear(d, d_ff, bias=bias)
        self.down = nn.Linear(d_ff, d, bias=bias)

    def forward(self, x):
        T, d = x.shape[-2:]
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=-1)
        att = torch.softmax(q @ k.transpose(-1, -2) / d**0.5, -1)
        x = x + self.proj(att @ v)
        return x + self.down(torch.nn.functional.gelu(self.up(self.ln2(x))))


class GPT(nn.Module):
    def __init__(self, V, d, L, n_ctx, ratio=4, bias=True, tied=True, positions=True):
        super().__init__()
        self.tok = nn.Embedding(V, d)
        self.pos = nn.Embedding(n_ctx, d) if positions else None
        self.blocks = nn.ModuleList(Block(d, int(ratio * d), bias) for _ in range(L))
        self.ln_f = nn.LayerNorm(d, bias=bias)
        self.head = nn.Linear(d, V, bias=False)
        if tied:
            self.head.weight = self.tok.weight

    def forward(self, idx):
        x = self.tok(idx)
        if self.pos is not None:
            x = x + self.pos(torch.arange(idx.shape[-1]))
        for block in self.blocks:
            x = block(x)
        return self.head(self.ln_f(x))


CONFIGS = [(50, 16, 2, 8, 4), (13, 12, 3, 5, 2), (7, 8, 1, 3, 2.5), (100, 32, 4, 16, 4)]


@pytest.mark.parametrize("V,d,L,n_ctx,ratio", CONFIGS)
@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("tied", [True, False])
@pytest.mark.parametrize("positions", [True, False])
def test_param_count_matches_module(V, d, L, n_ctx, ratio, bias, tied, positions):
    model = GPT(V, d, L, n_ctx, ratio, bias, tied, positions)
    want = sum(p.numel() for p in model.parameters())  # parameters() yields a tied tensor once
    got = ref.param_count(V, d, L, n_ctx, mlp_ratio=ratio, bias=bias, tied_head=tied,
                          learned_positions=positions)
    assert got == want


def test_published_gpt2_sizes():
    assert ref.param_count(50257, 768, 12, 1024) == 124_439_808
    assert ref.param_count(50257, 1024, 24, 1024) == 354_823_168
    assert ref.param_count(50257, 1280, 36, 1024) == 774_030_080
    assert ref.param_count(50257, 1600, 48, 1024) == 1_557_611_200


class CountMatmulFlops(TorchDispatchMode):
    def __init__(self):
        super().__init__()
        self.flops = 0

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        name = func.__name__
        if name.startswith(("mm", "addmm", "bmm", "matmul")):
            a, b = (args[1], args[2]) if name.startswith("addmm") else (args[0], args[1])
            self.flops += 2 * a.shape[:-1].numel() * a.shape[-1] * b.shape[-1]
        return out


@pytest.mark.parametrize("V,d,L,n_ctx,ratio", CONFIGS)
def test_flops_match_counted_matmuls(V, d, L, n_ctx, ratio):
    """On a full context, the weight matmuls of the module cost exactly 2 N_matmul per token.
    Attention's QK^T and AV cost 4 L n_ctx d per token over a full (unmasked) context; the
    stated convention (Kaplan et al.) keeps half of that, 2 L n_ctx d."""
    model = GPT(V, d, L, n_ctx, ratio)
    with torch.no_grad(), CountMatmulFlops() as counter:
        model(torch.zeros(1, n_ctx, dtype=torch.long))
    per_token = counter.flops / n_ctx
    attention_full = 4 * L * n_ctx * d
    want = per_token - attention_full + 2 * L * n_ctx * d
    assert ref.forward_flops_per_token(V, d, L, n_ctx, ratio) == want


def test_training_is_about_six_n():
    N = ref.param_count(50257, 12288, 96, 2048)
    C = ref.training_flops(50257, 12288, 96, 2048, 300e9)
    assert C == pytest.approx(6 * N * 300e9, rel=0.03)
    assert C == pytest.approx(3.1856e23, rel=1e-4)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_module_catches_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    disagree = False
    for V, d, L, n_ctx, ratio in CONFIGS:
        model = GPT(V, d, L, n_ctx, ratio)
        numel = sum(p.numel() for p in model.parameters())
        disagree |= bad.param_count(V, d, L, n_ctx, mlp_ratio=ratio) != numel
        disagree |= bad.forward_flops_per_token(V, d, L, n_ctx, ratio) != ref.forward_flops_per_token(
            V, d, L, n_ctx, ratio)
        disagree |= bad.training_flops(V, d, L, n_ctx, 10.0, ratio) != 30 * ref.forward_flops_per_token(
            V, d, L, n_ctx, ratio)
    assert disagree
