"""Averages the reconstruction term over the data dimension (like F.mse_loss defaults), so KL dominates."""
import math

import torch
import torch.nn.functional as F


def reparameterize(mu, logvar, eps):
    return mu + torch.exp(0.5 * logvar) * eps


def kl_standard_normal(mu, logvar):
    return -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=-1)


def negative_elbo(x, decoder_out, mu, logvar, likelihood="bernoulli"):
    if likelihood == "bernoulli":
        nll = F.softplus(decoder_out) - x * decoder_out
    else:
        nll = 0.5 * (x - decoder_out).pow(2) + 0.5 * math.log(2 * math.pi)
    return (nll.mean(-1) + kl_standard_normal(mu, logvar)).mean()
