import torch
from torch import Tensor


def clipped_value_loss(
    values: Tensor, old_values: Tensor, returns: Tensor, mask: Tensor, clip_eps: float = 0.2
) -> tuple[Tensor, Tensor]:
    """Return (loss, clip_frac): masked token-mean of 0.5 * max((V - R)^2, (V_clip - R)^2),
    V_clip = V_old + clip(V - V_old, -eps, eps); clip_frac = share where the clipped error is larger."""
    raise NotImplementedError("clip V around V_old, take the larger squared error, masked mean")
