import math

import torch
import torch.nn.functional as F
from torch import Tensor


def reparameterize(mu: Tensor, logvar: Tensor, eps: Tensor) -> Tensor:
    # The randomness lives in eps, so z is a differentiable function of (mu, logvar).
    std = torch.exp(0.5 * logvar)
    return mu + std * eps


def kl_standard_normal(mu: Tensor, logvar: Tensor) -> Tensor:
    # KL(N(mu, s^2) || N(0, 1)) = 0.5 (mu^2 + s^2 - log s^2 - 1) per coordinate; the
    # coordinates are independent, so the KLs add up over the latent dimension.
    return -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=-1)


def reconstruction_nll(x: Tensor, decoder_out: Tensor, likelihood: str) -> Tensor:
    """-log p(x | z) summed over the data dimension: shape (B,)."""
    if likelihood == "bernoulli":
        # BCE with logits = softplus(l) - x * l: no log of a probability that can underflow.
        per_element = F.softplus(decoder_out) - x * decoder_out
    elif likelihood == "gaussian":
        # Unit-variance Gaussian, normalising constant included.
        per_element = 0.5 * (x - decoder_out).pow(2) + 0.5 * math.log(2 * math.pi)
    else:
        raise ValueError(f"unknown likelihood {likelihood!r}")
    return per_element.sum(dim=-1)


def negative_elbo(
    x: Tensor, decoder_out: Tensor, mu: Tensor, logvar: Tensor, likelihood: str = "bernoulli"
) -> Tensor:
    per_example = reconstruction_nll(x, decoder_out, likelihood) + kl_standard_normal(mu, logvar)
    return per_example.mean()
