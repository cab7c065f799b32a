"""Indexes alpha_bar[t_prev] even for t_prev = -1, which reads the noisiest level instead of 1."""
import math


def ddim_step(x_t, eps, alpha_bar, t, t_prev, eta=0.0, noise=None):
    a_t, a_prev = float(alpha_bar[t]), float(alpha_bar[t_prev])
    x0 = (x_t - math.sqrt(1 - a_t) * eps) / math.sqrt(a_t)
    sigma = eta * math.sqrt((1 - a_prev) / (1 - a_t)) * math.sqrt(abs(1 - a_t / a_prev))
    x_prev = math.sqrt(a_prev) * x0 + math.sqrt(max(1 - a_prev - sigma**2, 0.0)) * eps
    if sigma > 0:
        x_prev = x_prev + sigma * noise
    return x_prev, x0


def ddim_sample(model, x_T, alpha_bar, timesteps, eta=0.0, noises=None):
    x = x_T
    for i, (t, t_prev) in enumerate(zip(timesteps, list(timesteps[1:]) + [-1], strict=True)):
        noise = noises[i] if noises is not None else None
        x, _ = ddim_step(x, model(x, t), alpha_bar, t, t_prev, eta, noise)
    return x

