import torch

from onsite.judge.cases import case


def qk(*shape, dtype=torch.float32, seed=0):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(*shape, generator=g, dtype=dtype),
            torch.randn(*shape, generator=g, dtype=dtype))


@case("NTK frequencies: d=64 with s=1, 4 and 16; d=128 with s=8", atol=1e-14, rtol=1e-12,
      strict_dtype=True)
def frequencies(sub):
    return {"d=64, s=1": sub.ntk_inv_freq(64, 1.0),
            "d=64, s=4": sub.ntk_inv_freq(64, 4.0),
            "d=64, s=16, base 500000": sub.ntk_inv_freq(64, 16.0, base=500000.0),
            "d=128, s=8": sub.ntk_inv_freq(128, 8.0)}


@case("the fastest frequency is kept; the slowest is divided by s", atol=1e-12, rtol=1e-12)
def endpoints(sub):
    out = {}
    for d, s in ((8, 2.0), (64, 4.0), (128, 8.0)):
        f = sub.ntk_inv_freq(d, s)
        v = sub.ntk_inv_freq(d, 1.0)
        out[f"d={d}, s={s}: [first, last * s / vanilla last]"] = [float(f[0]),
                                                                  float(f[-1] * s / v[-1])]
    return out


@case("apply_rope on (B, H, T, d) = (2, 3, 6, 8) at positions 0..5", atol=1e-6, rtol=1e-5)
def apply_basic(sub):
    q, _ = qk(2, 3, 6, 8, seed=1)
    inv = torch.tensor([1.0, 0.3, 0.05, 0.001], dtype=torch.float64)
    return {"rotated": sub.apply_rope(q, torch.arange(6), inv)}


@case("NTK-aware and PI rotations of q and k, s=4, d=16, and their scores", atol=1e-5,
      rtol=1e-5)
def ntk_vs_pi(sub):
    q, k = qk(2, 2, 10, 16, seed=2)
    pos = torch.arange(10)
    out = {}
    for name, fn in (("ntk", sub.ntk_rope), ("pi", sub.pi_rope)):
        rq, rk = fn(q, pos, 4.0), fn(k, pos, 4.0)
        out[f"{name} q"] = rq
        out[f"{name} scores"] = rq @ rk.transpose(-2, -1)
    return out


@case("positions need not be 0..T-1 (gaps, repeats, order)", atol=1e-5, rtol=1e-5)
def arbitrary_positions(sub):
    q, _ = qk(1, 5, 12, seed=3)
    pos = torch.tensor([0, 7, 7, 2, 300])
    return {"ntk": sub.ntk_rope(q, pos, 2.0), "pi": sub.pi_rope(q, pos, 2.0)}


@case("positions near 30000 in float32: angles must be formed in float64", atol=1e-4,
      rtol=1e-4)
def large_positions(sub):
    # float32 angles would be off by up to ~2e-3 rad here: outputs off by ~2e-3.
    q, _ = qk(2, 8, 64, seed=4)
    pos = torch.arange(32000, 32008)
    return {"ntk": sub.ntk_rope(q, pos, 8.0), "pi": sub.pi_rope(q, pos, 8.0)}


@case("float64 in, float64 out, base 500000", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    q, _ = qk(2, 4, 32, dtype=torch.float64, seed=5)
    pos = torch.arange(4) * 1000
    return {"ntk": sub.ntk_rope(q, pos, 4.0, base=500000.0),
            "pi": sub.pi_rope(q, pos, 4.0, base=500000.0)}


@case("gradient of a rotated score w.r.t. q (float64)", atol=1e-10, rtol=1e-8)
def gradient(sub):
    q, k = qk(1, 6, 8, dtype=torch.float64, seed=6)
    q.requires_grad_(True)
    pos = torch.arange(6)
    score = (sub.ntk_rope(q, pos, 3.0) @ sub.ntk_rope(k, pos, 3.0).transpose(-2, -1)).sum()
    score.backward()
    return {"score": score, "grad_q": q.grad}
