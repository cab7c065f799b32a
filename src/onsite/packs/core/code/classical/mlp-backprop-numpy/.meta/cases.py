import numpy as np

from onsite.judge.cases import case


def setup(n, d, h, c, *, seed, scale=1.0):
    g = np.random.default_rng(seed)
    X = g.standard_normal((n, d))
    y = g.integers(0, c, n)
    params = {"W1": g.standard_normal((d, h)) * scale / np.sqrt(d), "b1": g.standard_normal(h) * 0.1,
              "W2": g.standard_normal((h, c)) * scale / np.sqrt(h), "b2": g.standard_normal(c) * 0.1}
    return X, y, params


def run(sub, X, y, params, l2=0.0):
    copies = {k: v.copy() for k, v in params.items()}
    loss, grads = sub.mlp_loss_and_grads(X.copy(), y.copy(), copies, l2)
    out = {"loss": float(loss)}
    out.update({f"d{k}": np.asarray(grads[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")})
    return out


# Gradients are a handful of float64 products: 1e-10 absolute leaves room for summation order.


@case("N=8, D=5, H=7, C=3", atol=1e-10, rtol=1e-8)
def basic(sub):
    return run(sub, *setup(8, 5, 7, 3, seed=0))


@case("weight decay l2 = 0.3 (weights only, not biases)", atol=1e-10, rtol=1e-8)
def weight_decay(sub):
    return run(sub, *setup(6, 4, 5, 4, seed=1), l2=0.3)


@case("a single example (N=1)", atol=1e-10, rtol=1e-8)
def single(sub):
    return run(sub, *setup(1, 3, 4, 2, seed=2))


@case("exact zeros before the ReLU: derivative 0 at 0", atol=1e-10, rtol=1e-8)
def relu_at_zero(sub):
    # Integer inputs and weights, zero biases: many pre-activations are exactly 0.
    g = np.random.default_rng(3)
    X = g.integers(-1, 2, (6, 3)).astype(np.float64)
    params = {"W1": g.integers(-1, 2, (3, 5)).astype(np.float64), "b1": np.zeros(5),
              "W2": g.standard_normal((5, 3)), "b2": np.zeros(3)}
    y = g.integers(0, 3, 6)
    return run(sub, X, y, params)


@case("huge scores (about 1e3): stable softmax", atol=1e-8, rtol=1e-8)
def huge(sub):
    return run(sub, *setup(5, 4, 6, 3, seed=4, scale=300.0))


@case("labels concentrated on one class, C=6", atol=1e-10, rtol=1e-8)
def one_class(sub):
    X, _, params = setup(7, 3, 4, 6, seed=5)
    return run(sub, X, np.full(7, 4), params)


@case("five SGD steps driven by your gradients", atol=1e-9, rtol=1e-7)
def sgd_steps(sub):
    X, y, params = setup(12, 4, 8, 3, seed=6)
    params = {k: v.copy() for k, v in params.items()}
    losses = []
    for _ in range(5):
        loss, grads = sub.mlp_loss_and_grads(X, y, params, 0.01)
        losses.append(float(loss))
        params = {k: params[k] - 0.5 * np.asarray(grads[k]) for k in params}
    out = {"losses": losses}
    out.update({k: params[k] for k in ("W1", "b1", "W2", "b2")})
    return out


@case("params are not modified in place", atol=0.0, rtol=0.0)
def no_mutation(sub):
    X, y, params = setup(4, 3, 3, 2, seed=7)
    copies = {k: v.copy() for k, v in params.items()}
    sub.mlp_loss_and_grads(X, y, copies, 0.1)
    return {"unchanged": [bool(np.array_equal(copies[k], params[k])) for k in ("W1", "b1", "W2", "b2")],
            "W1_after": copies["W1"]}
