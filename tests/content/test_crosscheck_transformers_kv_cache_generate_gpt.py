"""transformers/kv-cache-generate-gpt: the cached reference against an uncached GPT written with
library pieces (F.layer_norm, F.scaled_dot_product_attention, F.gelu) that re-runs the whole
sequence at every generation step."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "transformers/kv-cache-generate-gpt"
ref = reference(ITEM)


def make_params(V, T_max, d, Fh, n_blocks, seed):
    g = torch.Generator().manual_seed(seed)

    def r(*shape, std):
        return torch.randn(*shape, generator=g, dtype=torch.float64) * std

    p = {"wte": r(V, d, std=2 / d**0.5), "wpe": r(T_max, d, std=0.5)}
    for i in range(n_blocks):
        b = f"blocks.{i}"
        p |= {f"{b}.ln_1.weight": 1 + r(d, std=0.1), f"{b}.ln_1.bias": r(d, std=0.1),
              f"{b}.attn.w_qkv": r(d, 3 * d, std=d**-0.5), f"{b}.attn.b_qkv": r(3 * d, std=0.1),
              f"{b}.attn.w_o": r(d, d, std=d**-0.5), f"{b}.attn.b_o": r(d, std=0.1),
              f"{b}.ln_2.weight": 1 + r(d, std=0.1), f"{b}.ln_2.bias": r(d, std=0.1),
              f"{b}.mlp.w_fc": r(d, Fh, std=d**-0.5), f"{b}.mlp.b_fc": r(Fh, std=0.1),
              f"{b}.mlp.w_proj": r(Fh, d, std=Fh**-0.5), f"{b}.mlp.b_proj": r(d, std=0.1)}
    return p | {"ln_f.weight": 1 + r(d, std=0.1), "ln_f.bias": r(d, std=0.1)}


def full_forward(idx, p, H, n_blocks):
    B, T = idx.shape
    d = p["wte"].shape[1]

    def ln(x, n):
        return F.layer_norm(x, (d,), p[n + ".weight"], p[n + ".bias"], eps=1e-5)

    x = p["wte"][idx] + p["wpe"][:T]
    for i in range(n_blocks):
        b = f"blocks.{i}"
        h = ln(x, b + ".ln_1")
        q, k, v = (h @ p[b + ".attn.w_qkv"] + p[b + ".attn.b_qkv"]).chunk(3, dim=-1)
        q, k, v = (t.reshape(B, T, H, d // H).permute(0, 2, 1, 3) for t in (q, k, v))
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True).permute(0, 2, 1, 3).reshape(B, T, d)
        x = x + a @ p[b + ".attn.w_o"] + p[b + ".attn.b_o"]
        h = F.gelu(ln(x, b + ".ln_2") @ p[b + ".mlp.w_fc"] + p[b + ".mlp.b_fc"], approximate="tanh")
        x = x + h @ p[b + ".mlp.w_proj"] + p[b + ".mlp.b_proj"]
    return ln(x, "ln_f") @ p["wte"].T


def uncached_generate(prompt, p, H, n_blocks, N):
    seq, chosen = prompt, []
    for _ in range(N):
        last = full_forward(seq, p, H, n_blocks)[:, -1]
        chosen.append(last)
        seq = torch.cat([seq, last.argmax(-1, keepdim=True)], dim=1)
    return seq, torch.stack(chosen, dim=1)


@pytest.mark.parametrize("V,T_max,d,H,n_blocks,B,T0,N,seed", [
    (23, 16, 16, 4, 2, 2, 4, 6, 0), (17, 12, 12, 2, 3, 3, 1, 8, 1), (11, 8, 8, 1, 1, 2, 5, 1, 2),
    (29, 20, 24, 3, 2, 1, 7, 13, 3), (13, 9, 16, 4, 2, 1, 3, 6, 4),
])
def test_generate_matches_uncached(V, T_max, d, H, n_blocks, B, T0, N, seed):
    p = make_params(V, T_max, d, 2 * d, n_blocks, seed)
    prompt = torch.randint(0, V, (B, T0), generator=torch.Generator().manual_seed(seed + 100))
    want_tokens, want_logits = uncached_generate(prompt, p, H, n_blocks, N)
    tokens, logits = ref.generate(prompt, p, H, N)
    assert torch.equal(tokens, want_tokens)
    torch.testing.assert_close(logits, want_logits, atol=1e-10, rtol=1e-10)


def test_chunked_steps_match_full_forward():
    p = make_params(19, 12, 16, 32, 2, 5)
    idx = torch.randint(0, 19, (2, 12), generator=torch.Generator().manual_seed(6))
    out, cache = ref.gpt_step(idx[:, :4], p, 4)
    pieces = [out]
    for a, b in [(4, 7), (7, 8), (8, 12)]:
        out, cache = ref.gpt_step(idx[:, a:b], p, 4, cache)
        pieces.append(out)
    torch.testing.assert_close(torch.cat(pieces, 1), full_forward(idx, p, 4, 2), atol=1e-10, rtol=1e-10)
    assert all(k.shape == (2, 4, 12, 4) and v.shape == (2, 4, 12, 4) for k, v in cache)


@pytest.mark.parametrize("name", ["positions_restart", "top_left_causal_mask",
                                  "new_keys_attended_twice", "residual_from_normalised",
                                  "next_token_from_first_position"])
def test_wrong_variants_disagree(name):
    p = make_params(23, 16, 16, 32, 2, 0)
    prompt = torch.randint(0, 23, (2, 4), generator=torch.Generator().manual_seed(100))
    _, want_logits = uncached_generate(prompt, p, 4, 2, 6)
    _, logits = wrong(ITEM, name).generate(prompt, p, 4, 6)
    assert not torch.allclose(logits, want_logits, atol=1e-6)
