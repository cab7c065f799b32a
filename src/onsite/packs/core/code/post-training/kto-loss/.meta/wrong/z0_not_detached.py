"""Lets gradient flow through the reference point z0 into the mismatched pairs."""
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
    # Reference point: a batch estimate of KL(pi || pi_ref) from mismatched (x, y') pairs.
    # A KL is non-negative, so a negative sample mean is clamped to 0; it is a baseline,
    # not something to optimise, so no gradient flows through it.
    z0 = (kl_policy_logps - kl_ref_logps).mean().clamp(min=0)
    r = policy_logps - ref_logps.detach()  # implied reward (up to beta) of each example
    # Value functions: desirable examples gain when r exceeds z0, undesirable ones when it
    # falls below. The loss is lambda - v, i.e. lambda * (1 - sigmoid(.)).
    loss_d = lambda_d * (1 - torch.sigmoid(beta * (r - z0)))
    loss_u = lambda_u * (1 - torch.sigmoid(beta * (z0 - r)))
    per_example = torch.where(desirable.bool(), loss_d, loss_u)
    return per_example.mean(), z0.detach()
