import torch

from onsite.judge.cases import case


def weights(n_in, H, *, seed, dtype=torch.float32, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    k = scale / H**0.5
    w_ih = torch.randn(4 * H, n_in, generator=g, dtype=dtype) * k
    w_hh = torch.randn(4 * H, H, generator=g, dtype=dtype) * k
    b_ih = torch.randn(4 * H, generator=g, dtype=dtype) * k
    b_hh = torch.randn(4 * H, generator=g, dtype=dtype) * k
    return w_ih, w_hh, b_ih, b_hh


def state(*shape, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    return tuple(torch.randn(*s, generator=g, dtype=dtype) for s in shape)


@case("one step, B=3, I=5, H=4", atol=1e-5, rtol=1e-5)
def one_step(sub):
    x, h, c = state((3, 5), (3, 4), (3, 4), seed=0)
    h1, c1 = sub.lstm_cell(x, h, c, *weights(5, 4, seed=1))
    return {"h": h1, "c": c1}


@case("one step from a zero state", atol=1e-5, rtol=1e-5)
def zero_state(sub):
    (x,) = state((2, 3), seed=2)
    z = torch.zeros(2, 6)
    h1, c1 = sub.lstm_cell(x, z, z, *weights(3, 6, seed=3))
    return {"h": h1, "c": c1}


@case("gradients of one step w.r.t. x, h, c and all weights (float64)", atol=1e-10,
      rtol=1e-8, strict_dtype=True)
def step_grads(sub):
    x, h, c = (t.requires_grad_(True) for t in state((2, 3), (2, 4), (2, 4), seed=4,
                                                      dtype=torch.float64))
    ws = [w.requires_grad_(True) for w in weights(3, 4, seed=5, dtype=torch.float64)]
    h1, c1 = sub.lstm_cell(x, h, c, *ws)
    up_h, up_c = state((2, 4), (2, 4), seed=6, dtype=torch.float64)
    ((h1 * up_h).sum() + (c1 * up_c).sum()).backward()
    names = ["grad_x", "grad_h", "grad_c", "grad_w_ih", "grad_w_hh", "grad_b_ih", "grad_b_hh"]
    return {"h": h1.detach(), "c": c1.detach(),
            **{n: t.grad for n, t in zip(names, [x, h, c, *ws], strict=True)}}


@case("sequence T=6, B=2: outputs and final state", atol=1e-5, rtol=1e-5)
def sequence(sub):
    xs, h0, c0 = state((6, 2, 3), (2, 5), (2, 5), seed=7)
    out, (hT, cT) = sub.lstm_sequence(xs, h0, c0, *weights(3, 5, seed=8))
    return {"outputs": out, "h_T": hT, "c_T": cT}


@case("sequence of length 1 equals one cell step", atol=1e-5, rtol=1e-5)
def length_one(sub):
    xs, h0, c0 = state((1, 3, 2), (3, 4), (3, 4), seed=9)
    out, (hT, cT) = sub.lstm_sequence(xs, h0, c0, *weights(2, 4, seed=10))
    return {"outputs": out, "h_T": hT, "c_T": cT}


@case("large weights (scale 20): saturated gates stay finite", atol=1e-5, rtol=1e-5)
def saturated(sub):
    xs, h0, c0 = state((5, 2, 4), (2, 3), (2, 3), seed=11)
    out, (hT, cT) = sub.lstm_sequence(xs * 5, h0, c0, *weights(4, 3, seed=12, scale=20.0))
    return {"outputs": out, "h_T": hT, "c_T": cT}


@case("backpropagation through time: T=5, gradients w.r.t. weights, h0, c0 (float64)",
      atol=1e-10, rtol=1e-8)
def bptt(sub):
    xs, h0, c0 = state((5, 2, 3), (2, 4), (2, 4), seed=13, dtype=torch.float64)
    h0.requires_grad_(True)
    c0.requires_grad_(True)
    ws = [w.requires_grad_(True) for w in weights(3, 4, seed=14, dtype=torch.float64)]
    out, (hT, cT) = sub.lstm_sequence(xs, h0, c0, *ws)
    (up,) = state((5, 2, 4), seed=15, dtype=torch.float64)
    ((out * up).sum() + cT.sum()).backward()
    names = ["grad_w_ih", "grad_w_hh", "grad_b_ih", "grad_b_hh"]
    return {"outputs": out.detach(), "grad_h0": h0.grad, "grad_c0": c0.grad,
            **{n: w.grad for n, w in zip(names, ws, strict=True)}}


@case("float64 in, float64 out, batch of one", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    xs, h0, c0 = state((4, 1, 3), (1, 2), (1, 2), seed=16, dtype=torch.float64)
    out, (hT, cT) = sub.lstm_sequence(xs, h0, c0, *weights(3, 2, seed=17, dtype=torch.float64))
    return {"outputs": out, "h_T": hT, "c_T": cT}
