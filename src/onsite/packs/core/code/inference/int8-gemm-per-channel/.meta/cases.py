import torch

from onsite.judge.cases import case


def problem(M, K, N, *, seed, outliers=(), outlier_scale=60.0, dtype=torch.float64):
    """Activations with a few outlier channels (as in LLMs) and ordinary weights."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(M, K, generator=g, dtype=dtype)
    for j in outliers:
        x[:, j] *= outlier_scale
    w = torch.randn(N, K, generator=g, dtype=dtype) * 0.05
    return x, w


def linear_obs(sub, x, w, alpha, tag=""):
    y, acc, err = sub.int8_linear(x, w, alpha)
    return {f"{tag}y": y, f"{tag}acc": acc, f"{tag}relative error": err}


@case("quantize_rows: mixed signs, an all-zero row, a row with one value")
def rows(sub):
    t = torch.tensor([[0.5, -1.27, 0.3, 1.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, -2.0, 0.0],
                      [3.3, 1.1, -0.007, 2.2]], dtype=torch.float64)
    q, s = sub.quantize_rows(t)
    return {"codes": q, "scales": s}


@case("W8A8 without smoothing: 6 tokens, K = 64, 9 output channels")
def plain(sub):
    return linear_obs(sub, *problem(6, 64, 9, seed=0), None)


@case("smooth(alpha = 0.5): factors, migrated tensors, product unchanged")
def smoothing(sub):
    x, w = problem(5, 16, 4, seed=1, outliers=(3, 11))
    xs, ws, s = sub.smooth(x, w, 0.5)
    return {"x smoothed": xs, "w smoothed": ws, "s": s, "product": xs @ ws.T}


@case("outlier channels: error with and without SmoothQuant (alpha = 0.5)")
def outliers(sub):
    x, w = problem(8, 128, 16, seed=2, outliers=(5, 40, 77))
    return {**linear_obs(sub, x, w, None, "plain "), **linear_obs(sub, x, w, 0.5, "smooth ")}


@case("alpha = 0.75 and the extremes alpha = 0 and alpha = 1")
def alphas(sub):
    x, w = problem(4, 32, 6, seed=3, outliers=(7,))
    obs = {}
    for a in (0.75, 0.0, 1.0):
        obs |= linear_obs(sub, x, w, a, f"alpha {a} ")
    return obs


@case("a zero token row and a zero activation channel, smoothed")
def zeros(sub):
    x, w = problem(5, 24, 7, seed=4, outliers=(2,))
    x[1] = 0.0
    x[:, 9] = 0.0
    return linear_obs(sub, x, w, 0.5)


@case("K = 4096: large int32 accumulators")
def long_k(sub):
    x, w = problem(3, 4096, 5, seed=5)
    x = x.abs()                                       # same-sign products: |acc| near 1e7
    w = w.abs()
    return linear_obs(sub, x, w, None)


# float32: the scales and the dequantised product round at float32 precision.
@case("float32 stays float32", atol=1e-5, rtol=1e-4, strict_dtype=True)
def float32(sub):
    x, w = problem(6, 64, 8, seed=6, outliers=(10,), dtype=torch.float32)
    return linear_obs(sub, x, w, 0.5)
