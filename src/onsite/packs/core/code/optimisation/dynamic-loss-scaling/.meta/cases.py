import torch

from onsite.judge.cases import case

BIG = 1e34  # finite in float32, but BIG * 2**16 overflows to inf


def inputs(n, dim, *, seed, overflow=(), nan=()):
    """One input vector per iteration; chosen iterations get an entry of BIG (or nan)."""
    g = torch.Generator().manual_seed(seed)
    xs = []
    for i in range(n):
        x = torch.randn(dim, generator=g)
        if i in overflow:
            x[i % dim] = BIG
        if i in nan:
            x[i % dim] = float("nan")
        xs.append(x)
    return xs


def train(sub, xs, *, lr=0.1, explicit_unscale=False, seed=0, **scaler_kwargs):
    """A linear model w, loss = (w * x).sum(), trained with the scaler and plain SGD."""
    scaler = sub.DynamicLossScaler(**scaler_kwargs)
    g = torch.Generator().manual_seed(seed + 100)
    w = torch.randn(xs[0].shape, generator=g).requires_grad_(True)
    scales, stepped, unscaled_grads = [], [], []

    def sgd():
        with torch.no_grad():
            w.sub_(lr * w.grad)

    for x in xs:
        w.grad = None
        scaler.scale((w * x).sum()).backward()
        if explicit_unscale:
            scaler.unscale_([w.grad])
        stepped.append(bool(scaler.step([w.grad], sgd)))
        if stepped[-1]:
            unscaled_grads.append(w.grad.clone())
        scaler.update()
        scales.append(float(scaler.get_scale()))
    out = {"scale_after_update": scales, "stepped": stepped, "w": w.detach()}
    if unscaled_grads:
        out["unscaled_grads_of_taken_steps"] = torch.stack(unscaled_grads)
    return out


@case("scaled loss and its gradient, default scale 2^16", atol=1e-6, rtol=1e-6)
def scaled_loss(sub):
    scaler = sub.DynamicLossScaler()
    g = torch.Generator().manual_seed(1)
    w = torch.randn(4, generator=g).requires_grad_(True)
    x = torch.randn(4, generator=g)
    scaled = scaler.scale((w * x).sum())
    scaled.backward()
    return {"scaled_loss": scaled.detach(), "scaled_grad": w.grad, "scale": scaler.get_scale()}


@case("no overflow, growth_interval 3: S doubles every 3rd update", atol=1e-6, rtol=1e-6)
def growth(sub):
    return train(sub, inputs(10, 3, seed=2), init_scale=4.0, growth_interval=3)


@case("an overflow skips the step, halves S and restarts the count", atol=1e-6, rtol=1e-6)
def backoff(sub):
    return train(sub, inputs(12, 3, seed=3, overflow=(3,)), growth_interval=4)


@case("repeated overflows: S keeps halving until the gradients fit", atol=1e-6, rtol=1e-6)
def repeated(sub):
    # The same huge input three times: 1e34 * S overflows while S > ~3.4e4.
    xs = inputs(8, 2, seed=4, overflow=(0, 1, 2))
    xs[1][0] = xs[2][1] = 5e33
    return train(sub, xs, init_scale=2.0**18, growth_interval=5)


@case("a nan gradient is an overflow too", atol=1e-6, rtol=1e-6)
def nan_grad(sub):
    return train(sub, inputs(6, 3, seed=5, nan=(2,)), init_scale=16.0, growth_interval=2)


@case("caller unscales first (to clip): step must not unscale again", atol=1e-6, rtol=1e-6)
def explicit(sub):
    return train(sub, inputs(8, 4, seed=6, overflow=(4,)), explicit_unscale=True,
                 growth_interval=3)


@case("custom factors: growth 4, backoff 0.25, interval 2 (huge inputs at 5 and 9)", atol=1e-6, rtol=1e-6)
def custom(sub):
    return train(sub, inputs(12, 3, seed=7, overflow=(5, 9)), init_scale=1024.0,
                 growth_factor=4.0, backoff_factor=0.25, growth_interval=2)


@case("growth_interval 1: S grows after every clean update", atol=1e-6, rtol=1e-6)
def every_step(sub):
    return train(sub, inputs(6, 2, seed=8, overflow=(3,)), init_scale=2.0**14,
                 growth_interval=1)


@case("long run: 20 iterations, huge inputs at 2, 3 and 11 (not all overflow)", atol=1e-6, rtol=1e-6)
def long_run(sub):
    return train(sub, inputs(20, 4, seed=9, overflow=(2, 3, 11)), growth_interval=4)
