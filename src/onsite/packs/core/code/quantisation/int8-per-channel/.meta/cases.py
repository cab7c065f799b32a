import torch

from onsite.judge.cases import case


def randn(*shape, seed, dtype=torch.float32, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype) * scale


def row_scaled(N, K, *, seed, dtype=torch.float32):
    """A weight matrix whose rows span three orders of magnitude, as real layers do."""
    return randn(N, K, seed=seed, dtype=dtype) * torch.logspace(-3, 0, N, dtype=dtype)[:, None]


@case("per-channel codes and scales, rows of very different ranges", atol=1e-9, rtol=1e-6)
def quantize_rows(sub):
    q, scales = sub.quantize_per_channel(row_scaled(8, 32, seed=0))
    return {"q": q, "scales": scales}


@case("exact halves in a row with absmax 127 round to even; a zero row gets scale 1",
      atol=0, rtol=0)
def halves_and_zero(sub):
    w = torch.tensor([[127.0, 0.5, 1.5, 2.5, -2.5, -3.5],
                      [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
                      [1.0, -2.0, 0.25, 0.0, 0.5, 0.75]])
    q, scales = sub.quantize_per_channel(w)
    return {"q": q, "scales": scales}


@case("int8 gemm: exact int32 accumulator", atol=0, rtol=0, strict_dtype=True)
def gemm_small(sub):
    g = torch.Generator().manual_seed(1)
    a = torch.randint(-127, 128, (6, 40), generator=g, dtype=torch.int8)
    w = torch.randint(-127, 128, (9, 40), generator=g, dtype=torch.int8)
    return {"acc": sub.int8_gemm(a, w)}


@case("int8 gemm with K = 8192 and large codes: sums far beyond int8 and 2**24",
      atol=0, rtol=0, strict_dtype=True)
def gemm_large(sub):
    g = torch.Generator().manual_seed(2)
    a = torch.randint(90, 128, (3, 8192), generator=g, dtype=torch.int8)
    w = torch.randint(90, 128, (4, 8192), generator=g, dtype=torch.int8)
    a[1] = -a[1]
    return {"acc": sub.int8_gemm(a, w)}


@case("quantized linear: (5, 64) x (12, 64)^T", atol=1e-6, rtol=1e-5)
def linear(sub):
    return {"y": sub.quantized_linear(randn(5, 64, seed=3), randn(12, 64, seed=4))}


@case("quantized linear: activation rows of different scales, one all-zero row",
      atol=1e-6, rtol=1e-5)
def linear_rows(sub):
    x = randn(4, 32, seed=5) * torch.tensor([[0.01], [1.0], [100.0], [0.0]])
    return {"y": sub.quantized_linear(x, row_scaled(6, 32, seed=6))}


def channel_error(y, exact):
    """Mean over output channels of the relative error of that channel's outputs."""
    return ((y - exact).norm(dim=0) / exact.norm(dim=0)).mean().item()


@case("per-channel error is far below per-tensor error on row-scaled weights",
      atol=1e-6, rtol=1e-3)
def error_vs_per_tensor(sub):
    x, w = randn(16, 128, seed=7), row_scaled(32, 128, seed=8)
    exact = x @ w.T
    # The per-tensor baseline, computed here: one scale for the whole weight matrix. Small
    # rows get only a few levels, so their outputs carry a large relative error.
    s = w.abs().amax() / 127
    per_tensor = channel_error(x @ (torch.round(w / s).clamp(-127, 127) * s).T, exact)
    per_channel = channel_error(sub.quantized_linear(x, w), exact)
    return {"mean_channel_relative_error": per_channel,
            "beats_per_tensor_by_10x": per_channel * 10 < per_tensor}


@case("float64 in, float64 scales and output", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    x, w = randn(3, 16, seed=9, dtype=torch.float64), row_scaled(5, 16, seed=10, dtype=torch.float64)
    q, scales = sub.quantize_per_channel(w)
    return {"q": q, "scales": scales, "y": sub.quantized_linear(x, w)}
