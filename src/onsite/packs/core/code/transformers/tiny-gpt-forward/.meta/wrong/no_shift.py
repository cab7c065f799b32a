"""No shift in the loss: the logits at position t are scored against token t itself."""
import math

import torch
import torch.nn.functional as F
from torch import Tensor

LN_EPS = 1e-5


def _layer_norm(x: Tensor, params: dict[str, Tensor], prefix: str) -> Tensor:
    mu = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, keepdim=True, unbiased=False)  # biased, as LayerNorm defines it
    return (x - mu) / torch.sqrt(var + LN_EPS) * params[prefix + ".weight"] + params[prefix + ".bias"]


def _attention(x: Tensor, params: dict[str, Tensor], prefix: str, n_heads: int) -> Tensor:
    B, T, d = x.shape
    d_head = d // n_heads
    qkv = x @ params[prefix + ".w_qkv"] + params[prefix + ".b_qkv"]   # (B, T, 3d)
    q, k, v = (t.view(B, T, n_heads, d_head).transpose(1, 2) for t in qkv.split(d, dim=-1))
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_head)              # (B, H, T, T)
    causal = torch.ones(T, T, dtype=torch.bool, device=x.device).tril()
    weights = torch.softmax(scores.masked_fill(~causal, float("-inf")), dim=-1)
    heads = (weights @ v).transpose(1, 2).reshape(B, T, d)            # heads side by side
    return heads @ params[prefix + ".w_o"] + params[prefix + ".b_o"]


def _gelu_tanh(u: Tensor) -> Tensor:
    return 0.5 * u * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (u + 0.044715 * u**3)))


def _mlp(x: Tensor, params: dict[str, Tensor], prefix: str) -> Tensor:
    h = _gelu_tanh(x @ params[prefix + ".w_fc"] + params[prefix + ".b_fc"])
    return h @ params[prefix + ".w_proj"] + params[prefix + ".b_proj"]


def gpt_forward(idx: Tensor, params: dict[str, Tensor], n_heads: int) -> Tensor:
    T = idx.shape[1]
    wte = params["wte"]
    x = wte[idx] + params["wpe"][:T]                                  # (B, T, d)
    n_blocks = sum(1 for key in params if key.startswith("blocks.") and key.endswith(".ln_1.weight"))
    for i in range(n_blocks):
        p = f"blocks.{i}"
        # Pre-LN: each sub-layer reads a normalised copy; the residual stream itself is never
        # normalised, which keeps an identity path from the embedding to the head.
        x = x + _attention(_layer_norm(x, params, p + ".ln_1"), params, p + ".attn", n_heads)
        x = x + _mlp(_layer_norm(x, params, p + ".ln_2"), params, p + ".mlp")
    x = _layer_norm(x, params, "ln_f")
    return x @ wte.T                                                  # tied head: (B, T, V)


def gpt_loss(idx: Tensor, params: dict[str, Tensor], n_heads: int) -> Tensor:
    logits = gpt_forward(idx, params, n_heads)
    V = logits.shape[-1]
    # Position t predicts token t + 1: drop the last logits and the first target.
    return F.cross_entropy(logits.reshape(-1, V), idx.reshape(-1))
