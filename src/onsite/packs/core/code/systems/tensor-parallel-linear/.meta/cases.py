import torch
import torch.nn.functional as F

from onsite.judge.cases import case


def params(D, H, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    w1 = torch.randn(D, H, generator=g, dtype=dtype) / D**0.5
    b1 = torch.randn(H, generator=g, dtype=dtype)
    w2 = torch.randn(H, D, generator=g, dtype=dtype) / H**0.5
    b2 = torch.randn(D, generator=g, dtype=dtype)
    return w1, b1, w2, b2


def tokens(*shape, seed, dtype=torch.float32):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


def unsharded(x, w1, b1, w2, b2):
    return F.gelu(x @ w1 + b1) @ w2 + b2


@case("the splits: 4 shards of a (6, 16) and a (16, 6) weight", atol=0, rtol=0)
def splits(sub):
    w1, b1, w2, _ = params(6, 16, seed=0)
    cols = sub.split_column_parallel(w1, b1, 4)
    rows = sub.split_row_parallel(w2, 4)
    return {"w1 shards": torch.stack([w for w, _ in cols]), "b1 shards": torch.stack([b for _, b in cols]),
            "w2 shards": torch.stack(list(rows))}


@case("2 shards, (B, T, D) = (2, 3, 8), H = 32: output and partials", atol=1e-5, rtol=1e-5)
def two_shards(sub):
    w1, b1, w2, b2 = params(8, 32, seed=1)
    x = tokens(2, 3, 8, seed=2)
    out, partials = sub.tensor_parallel_mlp(x, w1, b1, w2, b2, 2)
    return {"out": out, "partials": partials, "unsharded": unsharded(x, w1, b1, w2, b2)}


@case("8 shards, H = 64; the output equals the unsharded MLP", atol=1e-5, rtol=1e-5)
def eight_shards(sub):
    w1, b1, w2, b2 = params(16, 64, seed=3)
    x = tokens(4, 16, seed=4)
    out, partials = sub.tensor_parallel_mlp(x, w1, b1, w2, b2, 8)
    return {"out": out, "partials": partials,
            "max |out - unsharded|": (out - unsharded(x, w1, b1, w2, b2)).abs().max().item()}


@case("1 shard is the plain MLP; H shards of one hidden unit each", atol=1e-5, rtol=1e-5)
def extremes(sub):
    w1, b1, w2, b2 = params(4, 6, seed=5)
    x = tokens(3, 4, seed=6)
    one, p1 = sub.tensor_parallel_mlp(x, w1, b1, w2, b2, 1)
    many, p6 = sub.tensor_parallel_mlp(x, w1, b1, w2, b2, 6)
    return {"out (n=1)": one, "partials (n=1)": p1, "out (n=6)": many, "partials (n=6)": p6}


@case("a large output bias is added exactly once", atol=1e-4, rtol=1e-5)
def bias_once(sub):
    w1, b1, w2, _ = params(5, 12, seed=7)
    b2 = torch.full((5,), 100.0)
    x = tokens(2, 5, seed=8)
    out, partials = sub.tensor_parallel_mlp(x, w1, b1, w2, b2, 3)
    return {"out": out, "partials": partials}


@case("gradients w.r.t. the full x, w1, b1, w2, b2 through 4 shards (float64)", atol=1e-10,
      rtol=1e-8, strict_dtype=True)
def gradients(sub):
    w1, b1, w2, b2 = params(6, 8, seed=9, dtype=torch.float64)
    x = tokens(2, 3, 6, seed=10, dtype=torch.float64)
    leaves = [t.clone().requires_grad_(True) for t in (x, w1, b1, w2, b2)]
    out, _ = sub.tensor_parallel_mlp(*leaves, 4)
    upstream = tokens(*out.shape, seed=11, dtype=torch.float64)
    (out * upstream).sum().backward()
    names = ["grad_x", "grad_w1", "grad_b1", "grad_w2", "grad_b2"]
    return {"out": out, **{name: leaf.grad for name, leaf in zip(names, leaves, strict=True)}}
