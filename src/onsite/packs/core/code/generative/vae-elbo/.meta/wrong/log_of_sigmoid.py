"""Computes the Bernoulli term as log(sigmoid(l)): -inf/nan once the sigmoid saturates."""
import math

import torch


def reparameterize(mu, logvar, eps):
    return mu + torch.exp(0.5 * logvar) * eps


def kl_standard_normal(mu, logvar):
    return -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=-1)


def negative_elbo(x, decoder_out, mu, logvar, likelihood="bernoulli"):
    if likelihood == "bernoulli":
        p = torch.sigmoid(decoder_out)
        nll = -(x * torch.log(p) + (1 - x) * torch.log(1 - p))
    else:
        nll = 0.5 * (x - decoder_out).pow(2) + 0.5 * math.log(2 * math.pi)
    return (nll.sum(-1) + kl_standard_normal(mu, logvar)).mean()
