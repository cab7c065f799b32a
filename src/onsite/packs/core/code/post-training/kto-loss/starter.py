import torch
from torch import Tensor


def kto_loss(
    policy_logps: Tensor,
    ref_logps: Tensor,
    desirable: Tensor,
    kl_policy_logps: Tensor,
    kl_ref_logps: Tensor,
    beta: float = 0.1,
    lambda_d: float = 1.0,
    lambda_u: float = 1.0,
) -> tuple[Tensor, Tensor]:
    """Return (loss, z0) for KTO.

    z0 = max(0, mean(kl_policy - kl_ref)), detached. r = policy - ref.
    desirable: lambda_d * (1 - sigmoid(beta * (r - z0))); undesirable:
    lambda_u * (1 - sigmoid(beta * (z0 - r))); loss = mean over all B examples.
    """
    raise NotImplementedError("estimate z0 (clamped, detached), then the two value functions")
