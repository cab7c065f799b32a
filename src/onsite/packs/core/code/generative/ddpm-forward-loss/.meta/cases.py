import torch

from onsite.judge.cases import case


def randn(*shape, seed, dtype=torch.float32):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


def timesteps(B, T, *, seed):
    return torch.randint(0, T, (B,), generator=torch.Generator().manual_seed(seed))


def default_alpha_bar(sub, T=1000):
    return sub.alpha_bars(sub.linear_beta_schedule(T))


class Recorder:
    """A stand-in noise predictor that remembers what it was called with."""

    def __init__(self, seed, dtype=torch.float32, features=None, T=1000):
        self.scale = 0.5 + randn(*(features or (1,)), seed=seed, dtype=dtype).abs()
        self.time_weight = torch.linspace(-1, 1, T, dtype=dtype)
        self.calls = []

    def __call__(self, x_t, t):
        self.calls.append((x_t.detach().clone(), t.clone()))
        shape = (-1, *([1] * (x_t.dim() - 1)))
        return torch.tanh(x_t * self.scale + self.time_weight[t].view(shape))


@case("linear schedule and alpha-bar, T = 1000 (defaults)", atol=1e-12, rtol=1e-9)
def schedule_default(sub):
    betas = sub.linear_beta_schedule(1000)
    ab = sub.alpha_bars(betas)
    return {"betas": betas, "alpha_bar": ab, "alpha_bar[-1]": ab[-1].item()}


@case("custom schedule T = 5, and T = 1", atol=1e-12, rtol=1e-9)
def schedule_small(sub):
    betas = sub.linear_beta_schedule(5, 0.05, 0.25)
    one = sub.linear_beta_schedule(1, 0.3, 0.9)
    return {"betas": betas, "alpha_bar": sub.alpha_bars(betas),
            "betas (T=1)": one, "alpha_bar (T=1)": sub.alpha_bars(one)}


@case("q_sample (B, D): float64 alpha-bar, float32 data, t from 0 to T-1", atol=1e-6, rtol=1e-5,
      strict_dtype=True)
def q_sample_2d(sub):
    ab = default_alpha_bar(sub)
    x0 = randn(6, 5, seed=1)
    noise = randn(6, 5, seed=2)
    t = torch.tensor([0, 1, 250, 500, 998, 999])
    return {"x_t": sub.q_sample(x0, t, noise, ab)}


@case("q_sample (B, C, L) with L = B: each example gets its own timestep", atol=1e-6, rtol=1e-5)
def q_sample_3d(sub):
    # L equals B, so broadcasting alpha_bar[t] over the last dimension runs without error.
    ab = default_alpha_bar(sub, T=50)
    x0 = randn(4, 3, 4, seed=3)
    noise = randn(4, 3, 4, seed=4)
    t = torch.tensor([3, 49, 0, 20])
    return {"x_t": sub.q_sample(x0, t, noise, ab)}


@case("loss: the model sees x_t and t, the target is the noise", atol=1e-6, rtol=1e-5)
def loss_and_inputs(sub):
    ab = default_alpha_bar(sub)
    x0 = randn(8, 6, seed=5)
    noise = randn(8, 6, seed=6)
    t = timesteps(8, 1000, seed=7)
    model = Recorder(seed=8, features=(6,))
    loss = sub.ddpm_loss(model, x0, t, noise, ab)
    out = {"loss": loss, "model calls": len(model.calls)}
    if model.calls:
        out["x_t the model saw"] = model.calls[0][0]
        out["t the model saw"] = model.calls[0][1]
    return out


@case("loss on a (1, 2, 7) batch at the last timestep of a T = 10 schedule", atol=1e-6, rtol=1e-5)
def loss_single(sub):
    ab = default_alpha_bar(sub, T=10)
    x0 = randn(1, 2, 7, seed=9)
    noise = randn(1, 2, 7, seed=10)
    model = Recorder(seed=11, T=10)
    return {"loss": sub.ddpm_loss(model, x0, torch.tensor([9]), noise, ab)}


@case("gradient of the loss w.r.t. the model's parameters (float64)", atol=1e-10, rtol=1e-8,
      strict_dtype=True)
def gradients(sub):
    ab = default_alpha_bar(sub)
    x0 = randn(5, 4, seed=12, dtype=torch.float64)
    noise = randn(5, 4, seed=13, dtype=torch.float64)
    t = timesteps(5, 1000, seed=14)
    model = Recorder(seed=15, dtype=torch.float64, features=(4,))
    model.scale.requires_grad_(True)
    model.time_weight.requires_grad_(True)
    loss = sub.ddpm_loss(model, x0, t, noise, ab)
    loss.backward()
    return {"loss": loss, "grad_scale": model.scale.grad, "grad_time_weight": model.time_weight.grad}
