import torch
import torch.nn.functional as F

from onsite.judge.cases import case


def ssm_inputs(Bt, L, D, N, *, seed, dtype=torch.float32, delta_shift=0.0):
    """Mamba-like inputs: delta = softplus(.) > 0, A = -exp(.) < 0, unit-scale B, C, x."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(Bt, L, D, generator=g, dtype=dtype)
    delta = F.softplus(torch.randn(Bt, L, D, generator=g, dtype=dtype) + delta_shift)
    A = -torch.exp(torch.randn(D, N, generator=g, dtype=dtype) * 0.5)
    B = torch.randn(Bt, L, N, generator=g, dtype=dtype)
    C = torch.randn(Bt, L, N, generator=g, dtype=dtype)
    D_skip = torch.randn(D, generator=g, dtype=dtype)
    return x, delta, A, B, C, D_skip


@case("discretize: A_bar and Bx_bar", atol=1e-6, rtol=1e-5)
def discretize_basic(sub):
    x, delta, A, B, _, _ = ssm_inputs(2, 5, 3, 4, seed=0)
    A_bar, Bx_bar = sub.discretize(delta, A, B, x)
    return {"A_bar": A_bar, "Bx_bar": Bx_bar}


@case("scan: Bt=2, L=8, D=4, N=3", atol=1e-5, rtol=1e-4)
def scan_basic(sub):
    y, h = sub.selective_scan(*ssm_inputs(2, 8, 4, 3, seed=1))
    return {"y": y, "h_last": h}


@case("scan: one position (L = 1)", atol=1e-6, rtol=1e-5)
def scan_single(sub):
    y, h = sub.selective_scan(*ssm_inputs(3, 1, 2, 5, seed=2))
    return {"y": y, "h_last": h}


@case("scan: with an initial state, in two pieces", atol=1e-5, rtol=1e-4)
def scan_chunks(sub):
    x, delta, A, B, C, D_skip = ssm_inputs(2, 9, 3, 4, seed=3)
    h0 = torch.randn(2, 3, 4, generator=torch.Generator().manual_seed(4))
    h0_copy = h0.clone()
    y1, h1 = sub.selective_scan(x[:, :5], delta[:, :5], A, B[:, :5], C[:, :5], D_skip, h0)
    y2, h2 = sub.selective_scan(x[:, 5:], delta[:, 5:], A, B[:, 5:], C[:, 5:], D_skip, h1)
    return {"y (first piece)": y1, "y (second piece)": y2, "h_last": h2,
            "h0 unchanged": bool(torch.equal(h0, h0_copy))}


@case("scan: large steps forget (A_bar ~ 0), tiny steps remember (A_bar ~ 1)", atol=1e-5, rtol=1e-4)
def scan_extremes(sub):
    big = sub.selective_scan(*ssm_inputs(1, 6, 3, 2, seed=5, delta_shift=6.0))
    small = sub.selective_scan(*ssm_inputs(1, 6, 3, 2, seed=5, delta_shift=-6.0))
    return {"y (large delta)": big[0], "h_last (large delta)": big[1],
            "y (small delta)": small[0], "h_last (small delta)": small[1]}


@case("scan: zero skip connection isolates the state path", atol=1e-5, rtol=1e-4)
def scan_no_skip(sub):
    x, delta, A, B, C, D_skip = ssm_inputs(2, 7, 4, 4, seed=6)
    y, h = sub.selective_scan(x, delta, A, B, C, torch.zeros_like(D_skip))
    return {"y": y, "h_last": h}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    y, h = sub.selective_scan(*ssm_inputs(2, 10, 3, 4, seed=7, dtype=torch.float64))
    return {"y": y, "h_last": h}


@case("gradients w.r.t. every input (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    inputs = [t.requires_grad_(True) for t in ssm_inputs(2, 6, 3, 2, seed=8, dtype=torch.float64)]
    h0 = torch.randn(2, 3, 2, generator=torch.Generator().manual_seed(9), dtype=torch.float64)
    h0.requires_grad_(True)
    y, h = sub.selective_scan(*inputs, h0)
    up = torch.randn(y.shape, generator=torch.Generator().manual_seed(99), dtype=y.dtype)
    ((y * up).sum() + h.sum()).backward()
    names = ("x", "delta", "A", "B", "C", "D_skip")
    return {f"grad_{n}": t.grad for n, t in zip(names, inputs, strict=True)} | {"grad_h0": h0.grad}
