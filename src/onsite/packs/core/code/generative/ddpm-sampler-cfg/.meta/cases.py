import math

import torch

from onsite.judge.cases import case


class ToyEps:
    """A fixed nonlinear 'noise predictor' that depends on x, t and the class label."""

    def __init__(self, dim, n_classes=5, *, seed):
        g = torch.Generator().manual_seed(seed)
        self.W = torch.randn(dim, dim, generator=g, dtype=torch.float64) / math.sqrt(dim)
        self.E = torch.randn(n_classes, dim, generator=g, dtype=torch.float64)
        self.phase = torch.randn(dim, generator=g, dtype=torch.float64)

    def __call__(self, x, t, cond):
        flat = x.reshape(x.shape[0], -1)
        h = flat @ self.W.to(x.dtype) + torch.sin(0.05 * float(t) + self.phase).to(x.dtype)
        if cond is not None:
            h = h + self.E[cond].to(x.dtype)
        return torch.tanh(h).reshape(x.shape)


def linear_betas(T, lo=1e-4, hi=0.02):
    return torch.linspace(lo, hi, T, dtype=torch.float64)


def cosine_betas(T, s=0.008):
    f = [math.cos((t / T + s) / (1 + s) * math.pi / 2) ** 2 for t in range(T + 1)]
    return torch.tensor([min(1 - f[t + 1] / f[t], 0.999) for t in range(T)], dtype=torch.float64)


def draws(T, shape, *, seed, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    x_T = torch.randn(*shape, generator=g, dtype=dtype)
    noises = torch.randn(T, *shape, generator=g, dtype=dtype)
    return x_T, noises


# float64 throughout; the loop only reorders a handful of scalar products.
TOL = {"atol": 1e-10, "rtol": 1e-8}


@case("linear schedule, T=50, w=3, posterior variance", **TOL)
def typical(sub):
    model = ToyEps(6, seed=0)
    x_T, noises = draws(50, (4, 6), seed=1)
    cond = torch.tensor([0, 1, 2, 3])
    x0, mid = sub.ddpm_sample_cfg(model, x_T, linear_betas(50), cond, 3.0, noises, 20)
    return {"x0": x0, "x_at_20": mid}


@case("w=0 is the unconditional model, w=1 the conditional one", **TOL)
def guidance_endpoints(sub):
    model = ToyEps(5, seed=2)
    x_T, noises = draws(30, (3, 5), seed=3)
    cond = torch.tensor([4, 0, 2])
    obs = {}
    for w in (0.0, 1.0):
        x0, mid = sub.ddpm_sample_cfg(model, x_T, linear_betas(30), cond, w, noises, 10)
        obs[f"w={w} x0"], obs[f"w={w} x_at_10"] = x0, mid
    return obs


@case("variance='beta' (sigma_t^2 = beta_t), T=40, w=2", **TOL)
def beta_variance(sub):
    model = ToyEps(4, seed=4)
    x_T, noises = draws(40, (5, 4), seed=5)
    cond = torch.tensor([1, 1, 3, 0, 2])
    x0, last_in = sub.ddpm_sample_cfg(model, x_T, linear_betas(40, hi=0.05), cond, 2.0, noises, 0,
                                      variance="beta")
    return {"x0": x0, "x_at_0": last_in}


@case("the DDPM paper's schedule: T=1000, betas 1e-4 .. 0.02, w=2", **TOL)
def full_schedule(sub):
    model = ToyEps(3, seed=6)
    x_T, noises = draws(1000, (2, 3), seed=7)
    cond = torch.tensor([2, 4])
    x0, late = sub.ddpm_sample_cfg(model, x_T, linear_betas(1000), cond, 2.0, noises, 1)
    return {"x0": x0, "x_at_1": late}


@case("cosine schedule, T=100 (betas up to 0.999 near the end), w=1.5", **TOL)
def cosine(sub):
    model = ToyEps(6, seed=8)
    x_T, noises = draws(100, (3, 6), seed=9)
    cond = torch.tensor([0, 3, 1])
    x0, first_out = sub.ddpm_sample_cfg(model, x_T, cosine_betas(100), cond, 1.5, noises, 98)
    return {"x0": x0, "x_at_98": first_out}


@case("T=1: a single, noise-free step; capture_t = 0 is x_T itself", **TOL)
def single_step(sub):
    model = ToyEps(4, seed=10)
    x_T, noises = draws(1, (2, 4), seed=11)
    x0, start = sub.ddpm_sample_cfg(model, x_T, torch.tensor([0.3], dtype=torch.float64),
                                    torch.tensor([1, 2]), 4.0, noises, 0)
    return {"x0": x0, "x_at_0": start}


@case("strong guidance w=7.5, capture_t = T-1 returns the input", **TOL)
def strong_guidance(sub):
    model = ToyEps(5, seed=12)
    x_T, noises = draws(25, (4, 5), seed=13)
    cond = torch.tensor([3, 2, 1, 0])
    x0, start = sub.ddpm_sample_cfg(model, x_T, linear_betas(25, hi=0.1), cond, 7.5, noises, 24)
    return {"x0": x0, "x_at_24": start}


# float32 images: the two implementations round differently over 20 steps; 1e-5 covers it.
@case("image-shaped float32 batch (2, 3, 4, 4), T=20, w=3", atol=1e-5, rtol=1e-4,
      strict_dtype=True)
def images(sub):
    model = ToyEps(48, seed=14)
    x_T, noises = draws(20, (2, 3, 4, 4), seed=15, dtype=torch.float32)
    cond = torch.tensor([0, 4])
    x0, mid = sub.ddpm_sample_cfg(model, x_T, linear_betas(20, hi=0.08), cond, 3.0, noises, 7)
    return {"x0": x0, "x_at_7": mid}
