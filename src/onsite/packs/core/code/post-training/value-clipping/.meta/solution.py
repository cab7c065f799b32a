import torch
from torch import Tensor


def _masked_mean(x: Tensor, keep: Tensor) -> Tensor:
    return torch.where(keep, x, torch.zeros_like(x)).sum() / keep.sum()


def clipped_value_loss(
    values: Tensor, old_values: Tensor, returns: Tensor, mask: Tensor, clip_eps: float = 0.2
) -> tuple[Tensor, Tensor]:
    keep = mask.bool()
    old_values, returns = old_values.detach(), returns.detach()
    # The new prediction may move at most eps (in value units) from the old one.
    clipped = old_values + torch.clamp(values - old_values, -clip_eps, clip_eps)
    err_unclipped = (values - returns) ** 2
    err_clipped = (clipped - returns) ** 2
    # Pessimistic: the larger loss. When the clipped error wins, its gradient is 0, so
    # the critic cannot jump past the band towards the target within one batch.
    loss = 0.5 * _masked_mean(torch.maximum(err_unclipped, err_clipped), keep)
    with torch.no_grad():
        clip_frac = _masked_mean((err_clipped > err_unclipped).to(values.dtype), keep)
    return loss, clip_frac
