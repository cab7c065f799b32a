import numpy as np

from onsite.judge.cases import case

# float64 throughout; a correct backward differs from the reference only in summation order.
TOL = {"atol": 1e-10, "rtol": 1e-8}


def problem(T, B, n_in, H, *, seed, w_scale=0.5, state_scale=1.0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((T, B, n_in))
    h0 = rng.standard_normal((B, H)) * state_scale
    c0 = rng.standard_normal((B, H)) * state_scale
    W = rng.standard_normal((n_in, 4 * H)) * w_scale
    U = rng.standard_normal((H, 4 * H)) * w_scale
    b = rng.standard_normal(4 * H) * w_scale
    return x, h0, c0, W, U, b


def run(sub, args, dhs, dc_T=None):
    hs, (h_T, c_T), cache = sub.lstm_forward(*args)
    grads = sub.lstm_backward(dhs, cache, dc_T)
    obs = {"hs": hs, "h_T": h_T, "c_T": c_T}
    obs.update({k: grads[k] for k in ("dx", "dW", "dU", "db", "dh0", "dc0")})
    return obs


@case("T=5, B=3, I=4, H=6, upstream gradient on every output", **TOL)
def typical(sub):
    args = problem(5, 3, 4, 6, seed=0)
    dhs = np.random.default_rng(100).standard_normal((5, 3, 6))
    return run(sub, args, dhs)


@case("a single step (T=1) with an upstream dc_T", **TOL)
def single_step(sub):
    args = problem(1, 2, 3, 4, seed=1)
    rng = np.random.default_rng(101)
    return run(sub, args, rng.standard_normal((1, 2, 4)), rng.standard_normal((2, 4)))


@case("loss on the last hidden state only (dh must be carried back)", **TOL)
def last_only(sub):
    args = problem(6, 2, 3, 5, seed=2)
    dhs = np.zeros((6, 2, 5))
    dhs[-1] = np.random.default_rng(102).standard_normal((2, 5))
    return run(sub, args, dhs)


@case("gradient enters only through c_T (the pure cell-state path)", **TOL)
def cell_only(sub):
    args = problem(4, 3, 2, 4, seed=3)
    dc_T = np.random.default_rng(103).standard_normal((3, 4))
    return run(sub, args, np.zeros((4, 3, 4)), dc_T)


@case("B=1, I=1, H=1, T=8", **TOL)
def scalar_sizes(sub):
    args = problem(8, 1, 1, 1, seed=4, w_scale=1.0)
    dhs = np.random.default_rng(104).standard_normal((8, 1, 1))
    return run(sub, args, dhs, np.array([[0.5]]))


@case("saturated gates: weights scaled by 6", **TOL)
def saturated(sub):
    args = problem(5, 4, 3, 3, seed=5, w_scale=6.0, state_scale=3.0)
    dhs = np.random.default_rng(105).standard_normal((5, 4, 3))
    return run(sub, args, dhs)


@case("zero initial state, T=25, forget bias +2 (long memory)", **TOL)
def long_memory(sub):
    x, h0, c0, W, U, b = problem(25, 2, 3, 4, seed=6, w_scale=0.4)
    h0, c0 = np.zeros_like(h0), np.zeros_like(c0)
    b = b.copy()
    b[4:8] += 2.0  # forget-gate bias: f near 0.9, so c carries gradient across many steps
    dhs = np.zeros((25, 2, 4))
    dhs[-1] = 1.0
    dhs[3] = np.random.default_rng(106).standard_normal((2, 4))
    return run(sub, (x, h0, c0, W, U, b), dhs)


@case("gates picked apart: only one of i, f, g, o has weights at a time", **TOL)
def one_gate_at_a_time(sub):
    x, h0, c0, W, U, b = problem(3, 2, 2, 3, seed=7, w_scale=1.0)
    obs = {}
    dhs = np.random.default_rng(107).standard_normal((3, 2, 3))
    for k, name in enumerate("ifgo"):
        keep = np.zeros(12)
        keep[3 * k:3 * k + 3] = 1.0
        out = run(sub, (x, h0, c0, W * keep, U * keep, b * keep), dhs, np.ones((2, 3)))
        obs.update({f"{name}: {key}": value for key, value in out.items()})
    return obs
