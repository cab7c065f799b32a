import torch

from onsite.judge.cases import case


def make_params(V, T_max, d, F, n_blocks, *, seed, dtype=torch.float64):
    """A random tiny GPT: scaled so logits are of order 1-3 (greedy choices are not ties)."""
    g = torch.Generator().manual_seed(seed)

    def randn(*shape, std):
        return torch.randn(*shape, generator=g, dtype=dtype) * std

    p = {"wte": randn(V, d, std=2 / d**0.5), "wpe": randn(T_max, d, std=0.5)}
    for i in range(n_blocks):
        b = f"blocks.{i}"
        p |= {
            f"{b}.ln_1.weight": 1 + randn(d, std=0.1), f"{b}.ln_1.bias": randn(d, std=0.1),
            f"{b}.attn.w_qkv": randn(d, 3 * d, std=d**-0.5), f"{b}.attn.b_qkv": randn(3 * d, std=0.1),
            f"{b}.attn.w_o": randn(d, d, std=d**-0.5), f"{b}.attn.b_o": randn(d, std=0.1),
            f"{b}.ln_2.weight": 1 + randn(d, std=0.1), f"{b}.ln_2.bias": randn(d, std=0.1),
            f"{b}.mlp.w_fc": randn(d, F, std=d**-0.5), f"{b}.mlp.b_fc": randn(F, std=0.1),
            f"{b}.mlp.w_proj": randn(F, d, std=F**-0.5), f"{b}.mlp.b_proj": randn(d, std=0.1),
        }
    p |= {"ln_f.weight": 1 + randn(d, std=0.1), "ln_f.bias": randn(d, std=0.1)}
    return p


def ids(B, T, V, *, seed):
    return torch.randint(0, V, (B, T), generator=torch.Generator().manual_seed(seed))


def cache_obs(cache, tag=""):
    obs = {}
    for i, (k, v) in enumerate(cache):
        obs[f"{tag}cache {i} k"] = k
        obs[f"{tag}cache {i} v"] = v
    return obs


@case("prefill only: logits and the cache of every layer")
def prefill(sub):
    p = make_params(19, 12, 16, 32, 2, seed=0)
    logits, cache = sub.gpt_step(ids(2, 7, 19, seed=1), p, 4)
    return {"logits": logits, **cache_obs(cache)}


@case("prefill 5, then chunks of 3, 1 and 1 tokens through the cache")
def chunks(sub):
    p = make_params(19, 12, 16, 32, 2, seed=2)
    idx = ids(2, 10, 19, seed=3)
    out, cache = sub.gpt_step(idx[:, :5], p, 4)
    pieces = [out]
    for a, b in [(5, 8), (8, 9), (9, 10)]:
        out, cache = sub.gpt_step(idx[:, a:b], p, 4, cache)
        pieces.append(out)
    return {"logits": torch.cat(pieces, dim=1), **cache_obs(cache)}


@case("greedy generation: 2 prompts of 4 tokens, 6 new tokens, 2 blocks")
def generate_basic(sub):
    p = make_params(23, 16, 16, 32, 2, seed=4)
    tokens, logits = sub.generate(ids(2, 4, 23, seed=5), p, 4, 6)
    return {"tokens": tokens, "logits": logits}


@case("prompt of one token, 3 blocks of 2 heads, 8 new tokens")
def prompt_one(sub):
    p = make_params(17, 12, 12, 24, 3, seed=6)
    tokens, logits = sub.generate(ids(3, 1, 17, seed=7), p, 2, 8)
    return {"tokens": tokens, "logits": logits}


@case("one new token only (prefill, no decode step), single head")
def one_new(sub):
    p = make_params(11, 8, 8, 16, 1, seed=8)
    tokens, logits = sub.generate(ids(2, 5, 11, seed=9), p, 1, 1)
    return {"tokens": tokens, "logits": logits}


@case("generation fills the position table exactly (prompt + new = T_max)")
def fill_positions(sub):
    p = make_params(13, 9, 16, 32, 2, seed=10)
    tokens, logits = sub.generate(ids(1, 3, 13, seed=11), p, 4, 6)
    return {"tokens": tokens, "logits": logits}


@case("cached generation equals one uncached forward over the result")
def cached_equals_uncached(sub):
    p = make_params(29, 14, 16, 32, 2, seed=12)
    tokens, logits = sub.generate(ids(2, 3, 29, seed=13), p, 2, 9)
    full, _ = sub.gpt_step(tokens[:, :-1], p, 2)               # no cache at all
    return {"tokens": tokens, "logits": logits, "full logits of the new tokens": full[:, 2:]}


# float32 weights: the cache path and the reference may round differently (about 1e-6).
@case("float32 weights stay float32", atol=1e-4, rtol=1e-4, strict_dtype=True)
def float32(sub):
    p = make_params(19, 12, 16, 32, 2, seed=14, dtype=torch.float32)
    idx = ids(2, 8, 19, seed=15)
    out, cache = sub.gpt_step(idx[:, :6], p, 4)
    out2, cache = sub.gpt_step(idx[:, 6:], p, 4, cache)
    return {"logits": torch.cat([out, out2], dim=1), **cache_obs(cache)}
