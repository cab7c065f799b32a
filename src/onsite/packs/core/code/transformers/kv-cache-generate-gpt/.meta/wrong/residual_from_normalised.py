"""Adds the attention output to the layer-normed input instead of the residual stream."""
import math

import torch
from torch import Tensor

LN_EPS = 1e-5
Cache = list[tuple[Tensor, Tensor]]


def layer_norm(x: Tensor, params: dict[str, Tensor], name: str) -> Tensor:
    mu = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, keepdim=True, unbiased=False)
    return (x - mu) / torch.sqrt(var + LN_EPS) * params[f"{name}.weight"] + params[f"{name}.bias"]


def gelu_tanh(u: Tensor) -> Tensor:
    return 0.5 * u * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (u + 0.044715 * u**3)))


def attention(x: Tensor, params: dict[str, Tensor], name: str, n_heads: int,
              past: tuple[Tensor, Tensor] | None) -> tuple[Tensor, tuple[Tensor, Tensor]]:
    B, T_new, d = x.shape
    dh = d // n_heads
    qkv = x @ params[f"{name}.w_qkv"] + params[f"{name}.b_qkv"]
    q, k, v = (t.view(B, T_new, n_heads, dh).transpose(1, 2) for t in qkv.split(d, dim=-1))
    if past is not None:                                    # append once, then attend once
        k = torch.cat([past[0], k], dim=2)
        v = torch.cat([past[1], v], dim=2)
    T_all = k.shape[2]
    T_past = T_all - T_new
    scores = q @ k.transpose(-2, -1) / math.sqrt(dh)        # (B, H, T_new, T_all)
    # query i sits at absolute position T_past + i and sees keys 0 .. T_past + i
    rows = torch.arange(T_past, T_all, device=x.device).unsqueeze(-1)
    cols = torch.arange(T_all, device=x.device)
    scores = scores.masked_fill(cols > rows, float("-inf"))
    heads = (torch.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(B, T_new, d)
    return heads @ params[f"{name}.w_o"] + params[f"{name}.b_o"], (k, v)


def gpt_step(idx: Tensor, params: dict[str, Tensor], n_heads: int,
             cache: Cache | None = None) -> tuple[Tensor, Cache]:
    T_new = idx.shape[1]
    T_past = 0 if cache is None else cache[0][0].shape[2]
    n_blocks = sum(1 for key in params if key.startswith("blocks.") and key.endswith(".ln_1.weight"))
    x = params["wte"][idx] + params["wpe"][T_past:T_past + T_new]   # absolute positions
    new_cache: Cache = []
    for i in range(n_blocks):
        p = f"blocks.{i}"
        x = layer_norm(x, params, f"{p}.ln_1")
        a, kv = attention(x, params, f"{p}.attn", n_heads,
                          None if cache is None else cache[i])
        new_cache.append(kv)
        x = x + a                                                   # pre-LN residuals
        h = gelu_tanh(layer_norm(x, params, f"{p}.ln_2") @ params[f"{p}.mlp.w_fc"]
                      + params[f"{p}.mlp.b_fc"])
        x = x + h @ params[f"{p}.mlp.w_proj"] + params[f"{p}.mlp.b_proj"]
    return layer_norm(x, params, "ln_f") @ params["wte"].T, new_cache


@torch.no_grad()
def generate(prompt: Tensor, params: dict[str, Tensor], n_heads: int,
             max_new_tokens: int) -> tuple[Tensor, Tensor]:
    logits, cache = gpt_step(prompt, params, n_heads)               # prefill
    tokens, chosen_from = [prompt], []
    for n in range(max_new_tokens):
        last = logits[:, -1]                                        # (B, V): predicts the next token
        nxt = last.argmax(dim=-1, keepdim=True)                     # (B, 1)
        tokens.append(nxt)
        chosen_from.append(last)
        if n + 1 < max_new_tokens:                                  # the last token is never fed back
            logits, cache = gpt_step(nxt, params, n_heads, cache)
    return torch.cat(tokens, dim=1), torch.stack(chosen_from, dim=1)
