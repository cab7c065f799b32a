import torch
import torch.nn.functional as F
from torch import Tensor


def reparameterize(mu: Tensor, logvar: Tensor, eps: Tensor) -> Tensor:
    """z = mu + sigma * eps, with sigma derived from the log-variance; all (B, Z)."""
    raise NotImplementedError("turn the log-variance into a standard deviation first")


def kl_standard_normal(mu: Tensor, logvar: Tensor) -> Tensor:
    """KL(N(mu, diag(exp(logvar))) || N(0, I)) summed over the latent dim: shape (B,)."""
    raise NotImplementedError("closed form: -0.5 * sum(1 + logvar - mu^2 - exp(logvar))")


def negative_elbo(
    x: Tensor, decoder_out: Tensor, mu: Tensor, logvar: Tensor, likelihood: str = "bernoulli"
) -> Tensor:
    """Batch mean of (reconstruction NLL summed over D + KL); decoder_out is logits or a mean."""
    raise NotImplementedError("reconstruction NLL per example, plus the KL, then the batch mean")
