import torch

from onsite.judge.cases import case


def randn(*shape, seed, dtype=torch.float32):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


def schedule(T=1000):
    return torch.cumprod(1 - torch.linspace(1e-4, 0.02, T, dtype=torch.float64), 0)


class Model:
    """A fixed smooth stand-in for a noise predictor; records the timesteps it is given."""

    def __init__(self, seed, features, dtype=torch.float32, T=1000):
        self.w = 0.3 * randn(*features, seed=seed, dtype=dtype)
        self.T = T
        self.seen = []

    def __call__(self, x, t):
        self.seen.append(int(t))
        return torch.tanh(self.w * x + t / self.T)


@case("eta = 0: one strided step 999 -> 899, batch of (C, L) samples", atol=1e-5, rtol=1e-5)
def deterministic(sub):
    ab = schedule()
    x = randn(3, 2, 5, seed=0)
    eps = randn(3, 2, 5, seed=1)
    x_prev, x0 = sub.ddim_step(x, eps, ab, 999, 899)
    return {"x_prev": x_prev, "x0_pred": x0}


@case("last step, t_prev = -1: alpha_bar_prev is 1 and x_prev equals x0_pred", atol=1e-5, rtol=1e-5)
def last_step(sub):
    ab = schedule()
    x = randn(4, 3, seed=2)
    eps = randn(4, 3, seed=3)
    x_prev, x0 = sub.ddim_step(x, eps, ab, 49, -1)
    return {"x_prev": x_prev, "x0_pred": x0}


@case("eta = 1 with noise, consecutive steps 500 -> 499", atol=1e-5, rtol=1e-5)
def stochastic(sub):
    ab = schedule()
    x = randn(2, 6, seed=4)
    eps = randn(2, 6, seed=5)
    z = randn(2, 6, seed=6)
    x_prev, x0 = sub.ddim_step(x, eps, ab, 500, 499, eta=1.0, noise=z)
    return {"x_prev": x_prev, "x0_pred": x0}


@case("eta = 0.5, strided step 300 -> 100, float64 in, float64 out", atol=1e-12, rtol=1e-10,
      strict_dtype=True)
def partial_eta(sub):
    ab = schedule()
    x = randn(3, 4, seed=7, dtype=torch.float64)
    eps = randn(3, 4, seed=8, dtype=torch.float64)
    z = randn(3, 4, seed=9, dtype=torch.float64)
    x_prev, x0 = sub.ddim_step(x, eps, ab, 300, 100, eta=0.5, noise=z)
    return {"x_prev": x_prev, "x0_pred": x0}


@case("sampling loop, eta = 0, 10 strided steps from 999", atol=1e-4, rtol=1e-4)
def loop_deterministic(sub):
    ab = schedule()
    x_T = randn(2, 8, seed=10)
    model = Model(seed=11, features=(8,))
    timesteps = list(range(999, -1, -100))
    out = sub.ddim_sample(model, x_T, ab, timesteps)
    return {"x_0": out, "timesteps the model saw": model.seen}


@case("sampling loop, eta = 1, every step of a T = 20 schedule", atol=1e-4, rtol=1e-4)
def loop_stochastic(sub):
    ab = torch.cumprod(1 - torch.linspace(0.01, 0.3, 20, dtype=torch.float64), 0)
    x_T = randn(3, 4, seed=12)
    noises = [randn(3, 4, seed=100 + i) for i in range(20)]
    model = Model(seed=13, features=(4,), T=20)
    out = sub.ddim_sample(model, x_T, ab, list(range(19, -1, -1)), eta=1.0, noises=noises)
    return {"x_0": out, "timesteps the model saw": model.seen}


@case("sampling loop with a single timestep goes straight to -1", atol=1e-5, rtol=1e-5)
def loop_single(sub):
    ab = schedule(100)
    x_T = randn(1, 5, seed=14)
    model = Model(seed=15, features=(5,), T=100)
    return {"x_0": sub.ddim_sample(model, x_T, ab, [37]), "timesteps the model saw": model.seen}
