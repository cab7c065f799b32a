import torch

from onsite.judge.cases import case


def weights(n_in, H, *, seed, dtype=torch.float32, bias=True, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    bound = scale / H**0.5
    w_ih = (torch.rand(3 * H, n_in, generator=g, dtype=dtype) * 2 - 1) * bound
    w_hh = (torch.rand(3 * H, H, generator=g, dtype=dtype) * 2 - 1) * bound
    if not bias:
        return w_ih, w_hh, None, None
    # Biases of order 0.5: large enough that where b_hn sits (inside or outside r) shows.
    b_ih = torch.randn(3 * H, generator=g, dtype=dtype) * 0.5
    b_hh = torch.randn(3 * H, generator=g, dtype=dtype) * 0.5
    return w_ih, w_hh, b_ih, b_hh


def state(B, n, *, seed, dtype=torch.float32, scale=1.0):
    return torch.randn(B, n, generator=torch.Generator().manual_seed(seed), dtype=dtype) * scale


@case("one step, B=3, I=5, H=4", atol=1e-6, rtol=1e-5)
def step(sub):
    return {"h_new": sub.gru_step(state(3, 5, seed=1), state(3, 4, seed=2), *weights(5, 4, seed=0))}


@case("one step without biases", atol=1e-6, rtol=1e-5)
def no_bias(sub):
    w = weights(3, 6, seed=3, bias=False)
    return {"h_new": sub.gru_step(state(2, 3, seed=4), state(2, 6, seed=5), *w)}


@case("zero previous state", atol=1e-6, rtol=1e-5)
def zero_state(sub):
    return {"h_new": sub.gru_step(state(2, 4, seed=7), torch.zeros(2, 3), *weights(4, 3, seed=6))}


@case("saturated gates (weights scaled by 8)", atol=1e-6, rtol=1e-5)
def saturated(sub):
    return {"h_new": sub.gru_step(state(4, 3, seed=9, scale=3.0), state(4, 5, seed=10),
                                  *weights(3, 5, seed=8, scale=8.0))}


@case("sequence of 7 steps from h0", atol=1e-5, rtol=1e-4)
def sequence(sub):
    outputs, h_last = sub.gru_sequence(torch.randn(7, 2, 4, generator=torch.Generator().manual_seed(12)),
                                       state(2, 5, seed=13), *weights(4, 5, seed=11))
    return {"outputs": outputs, "h_last": h_last}


@case("sequence from h0 = None (zeros), one time step and three", atol=1e-5, rtol=1e-4)
def sequence_none(sub):
    w = weights(3, 4, seed=14)
    xs = torch.randn(3, 2, 3, generator=torch.Generator().manual_seed(15))
    o1, h1 = sub.gru_sequence(xs[:1], None, *w)
    o3, h3 = sub.gru_sequence(xs, None, *w)
    return {"outputs (T=1)": o1, "h_last (T=1)": h1, "outputs (T=3)": o3, "h_last (T=3)": h3}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    dt = torch.float64
    return {"h_new": sub.gru_step(state(3, 4, seed=17, dtype=dt), state(3, 4, seed=18, dtype=dt),
                                  *weights(4, 4, seed=16, dtype=dt))}


@case("gradients of one step w.r.t. everything (float64)", atol=1e-10, rtol=1e-8)
def gradients_step(sub):
    dt = torch.float64
    x, h = state(3, 4, seed=20, dtype=dt), state(3, 5, seed=21, dtype=dt)
    params = weights(4, 5, seed=19, dtype=dt)
    leaves = [x, h, *params]
    for t in leaves:
        t.requires_grad_(True)
    out = sub.gru_step(*leaves)
    up = torch.randn(out.shape, generator=torch.Generator().manual_seed(99), dtype=dt)
    (out * up).sum().backward()
    names = ("x", "h", "w_ih", "w_hh", "b_ih", "b_hh")
    return {f"grad_{n}": t.grad for n, t in zip(names, leaves, strict=True)}


@case("gradients through 5 time steps (float64)", atol=1e-10, rtol=1e-8)
def gradients_sequence(sub):
    dt = torch.float64
    xs = torch.randn(5, 2, 3, generator=torch.Generator().manual_seed(23), dtype=dt).requires_grad_(True)
    h0 = state(2, 4, seed=24, dtype=dt).requires_grad_(True)
    params = [p.requires_grad_(True) for p in weights(3, 4, seed=22, dtype=dt)]
    outputs, h_last = sub.gru_sequence(xs, h0, *params)
    up = torch.randn(outputs.shape, generator=torch.Generator().manual_seed(98), dtype=dt)
    ((outputs * up).sum() + h_last.sum()).backward()
    return {"grad_xs": xs.grad, "grad_h0": h0.grad, "grad_w_hh": params[1].grad, "grad_b_hh": params[3].grad}
