"""transformers/tiny-gpt-forward: the reference against a GPT built from torch modules
(nn.Embedding, nn.LayerNorm, nn.MultiheadAttention, nn.GELU(approximate="tanh"), nn.Linear)
with the same weights, logits, loss and gradients in float64."""

import pytest
import torch
import torch.nn.functional as F
from itemload import item_dir, load_module, reference, wrong
from torch import nn

ITEM = "transformers/tiny-gpt-forward"
ref = reference(ITEM)
cases = None


def make_params(*args, **kwargs):
    global cases
    if cases is None:
        from onsite.judge import cases as registry
        cases = load_module(item_dir(ITEM) / ".meta/cases.py")
        registry._registry.clear()
    return cases.make_params(*args, **kwargs)


class Block(nn.Module):
    def __init__(self, d, F_, H):
        super().__init__()
        self.ln_1, self.ln_2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, H, batch_first=True)
        self.mlp = nn.Sequential(nn.Linear(d, F_), nn.GELU(approximate="tanh"), nn.Linear(F_, d))

    def forward(self, x):
        T = x.shape[1]
        blocked = torch.ones(T, T, dtype=torch.bool).triu(1)
        h = self.ln_1(x)
        x = x + self.attn(h, h, h, attn_mask=blocked, need_weights=False)[0]
        return x + self.mlp(self.ln_2(x))


class TorchGPT(nn.Module):
    def __init__(self, p, H):
        super().__init__()
        V, d = p["wte"].shape
        n = sum(1 for k in p if k.endswith(".ln_1.weight"))
        F_ = p["blocks.0.mlp.w_fc"].shape[1] if n else 4 * d
        self.wte = nn.Embedding(V, d)
        self.wpe = nn.Embedding(p["wpe"].shape[0], d)
        self.blocks = nn.ModuleList(Block(d, F_, H) for _ in range(n))
        self.ln_f = nn.LayerNorm(d)
        self.double()
        with torch.no_grad():
            self.wte.weight.copy_(p["wte"])
            self.wpe.weight.copy_(p["wpe"])
            for i, blk in enumerate(self.blocks):
                b = f"blocks.{i}"
                for ln in ("ln_1", "ln_2"):
                    getattr(blk, ln).weight.copy_(p[f"{b}.{ln}.weight"])
                    getattr(blk, ln).bias.copy_(p[f"{b}.{ln}.bias"])
                # nn.Linear stores W^T: our x @ W is their x @ weight.T.
                blk.attn.in_proj_weight.copy_(p[f"{b}.attn.w_qkv"].T)
                blk.attn.in_proj_bias.copy_(p[f"{b}.attn.b_qkv"])
                blk.attn.out_proj.weight.copy_(p[f"{b}.attn.w_o"].T)
                blk.attn.out_proj.bias.copy_(p[f"{b}.attn.b_o"])
                blk.mlp[0].weight.copy_(p[f"{b}.mlp.w_fc"].T)
                blk.mlp[0].bias.copy_(p[f"{b}.mlp.b_fc"])
                blk.mlp[2].weight.copy_(p[f"{b}.mlp.w_proj"].T)
                blk.mlp[2].bias.copy_(p[f"{b}.mlp.b_proj"])
            self.ln_f.weight.copy_(p["ln_f.weight"])
            self.ln_f.bias.copy_(p["ln_f.bias"])

    def forward(self, idx):
        x = self.wte(idx) + self.wpe(torch.arange(idx.shape[1]))
        for blk in self.blocks:
            x = blk(x)
        return self.ln_f(x) @ self.wte.weight.T

    def loss(self, idx):
        logits = self(idx)
        return F.cross_entropy(logits[:, :-1].flatten(0, 1), idx[:, 1:].flatten())


CONFIGS = [(23, 10, 32, 64, 2, 4, 8), (11, 6, 16, 32, 1, 1, 6), (13, 8, 16, 32, 0, 2, 5),
           (29, 12, 48, 96, 3, 6, 12), (7, 4, 8, 8, 1, 2, 2)]


@pytest.mark.parametrize("V,T_max,d,F_,n,H,T", CONFIGS)
def test_matches_torch_modules(V, T_max, d, F_, n, H, T):
    p = make_params(V, T_max, d, F_, n, seed=V + n, dtype=torch.float64)
    idx = torch.randint(0, V, (3, T), generator=torch.Generator().manual_seed(T))
    model = TorchGPT(p, H)
    torch.testing.assert_close(ref.gpt_forward(idx, p, H), model(idx), atol=1e-10, rtol=1e-9)

    for w in p.values():
        w.requires_grad_(True)
    ours = ref.gpt_loss(idx, p, H)
    ours.backward()
    theirs = model.loss(idx)
    theirs.backward()
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(p["wte"].grad, model.wte.weight.grad, atol=1e-10, rtol=1e-8)
    torch.testing.assert_close(p["ln_f.weight"].grad, model.ln_f.weight.grad, atol=1e-10, rtol=1e-8)
    if n:
        torch.testing.assert_close(p["blocks.0.attn.w_qkv"].grad, model.blocks[0].attn.in_proj_weight.grad.T,
                                   atol=1e-10, rtol=1e-8)
        torch.testing.assert_close(p["blocks.0.mlp.b_fc"].grad, model.blocks[0].mlp[0].bias.grad,
                                   atol=1e-10, rtol=1e-8)


@pytest.mark.parametrize("name", ["post_ln", "no_causal_mask", "no_shift", "exact_gelu", "no_final_ln",
                                  "scale_by_d_model"])
def test_wrong_variants_disagree(name):
    p = make_params(23, 10, 32, 64, 2, seed=1, dtype=torch.float64)
    idx = torch.randint(0, 23, (2, 8), generator=torch.Generator().manual_seed(0))
    model = TorchGPT(p, 4)
    bad = wrong(ITEM, name)
    with torch.no_grad():
        same_logits = torch.allclose(bad.gpt_forward(idx, p, 4), model(idx), atol=1e-6)
        same_loss = torch.allclose(bad.gpt_loss(idx, p, 4), model.loss(idx), atol=1e-6)
    assert not (same_logits and same_loss)
