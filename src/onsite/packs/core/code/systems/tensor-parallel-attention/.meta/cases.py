import torch

from onsite.judge.cases import case


def weights(d, *, seed, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    w_qkv = torch.randn(d, 3 * d, generator=g, dtype=dtype) / d**0.5
    b_qkv = torch.randn(3 * d, generator=g, dtype=dtype) * 0.1
    w_o = torch.randn(d, d, generator=g, dtype=dtype) / d**0.5
    b_o = torch.randn(d, generator=g, dtype=dtype) * 0.5
    return w_qkv, b_qkv, w_o, b_o


def observe(sub, B, T, d, H, R, *, seed, causal=False, dtype=torch.float64, grad=False):
    w_qkv, b_qkv, w_o, b_o = weights(d, seed=seed, dtype=dtype)
    x = torch.randn(B, T, d, generator=torch.Generator().manual_seed(seed + 1), dtype=dtype)
    x = x.requires_grad_(grad)
    out, partials, shapes = sub.tensor_parallel_attention(x, w_qkv, b_qkv, w_o, b_o, H, R, causal)
    shards = sub.shard_attention(w_qkv, b_qkv, w_o, H, R)
    shape_rows = [[[int(n) for n in s[name]] for name in ("w_qkv", "b_qkv", "w_o")] for s in shapes]
    obs = {"out": out, "partials": torch.stack(partials), "shapes": shape_rows}
    for name in ("w_qkv", "b_qkv", "w_o"):
        obs[f"shard {name}"] = torch.stack([s[name] for s in shards])
    if grad:
        up = torch.randn(out.shape, generator=torch.Generator().manual_seed(seed + 2), dtype=dtype)
        (out * up).sum().backward()
        obs["grad x"] = x.grad
    return obs


@case("4 heads over 2 ranks, causal")
def two_ranks(sub):
    return observe(sub, 2, 6, 16, 4, 2, seed=0, causal=True)


@case("8 heads over 4 ranks, no mask")
def four_ranks(sub):
    return observe(sub, 2, 5, 32, 8, 4, seed=1)


@case("one head per rank (R = H = 4)")
def head_per_rank(sub):
    return observe(sub, 1, 7, 12, 4, 4, seed=2, causal=True)


@case("a single rank is the unsharded block")
def one_rank(sub):
    return observe(sub, 2, 4, 12, 3, 1, seed=3)


@case("6 heads over 3 ranks, one token")
def one_token(sub):
    return observe(sub, 3, 1, 18, 6, 3, seed=4, causal=True)


@case("gradient of the input flows through every rank")
def gradient(sub):
    return observe(sub, 2, 5, 16, 4, 2, seed=5, causal=True, grad=True)


# float32: the sum of R partials is added in a different order from the unsharded matmul.
@case("float32 stays float32", atol=1e-5, rtol=1e-4, strict_dtype=True)
def float32(sub):
    return observe(sub, 2, 6, 32, 8, 2, seed=6, causal=True, dtype=torch.float32)
