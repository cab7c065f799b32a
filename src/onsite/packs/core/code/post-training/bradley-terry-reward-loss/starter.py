import torch
import torch.nn.functional as F
from torch import Tensor


def reward_model_loss(
    r_chosen: Tensor, r_rejected: Tensor, margin: Tensor | float | None = None
) -> tuple[Tensor, Tensor]:
    """Return (loss, accuracy): mean of -log sigmoid(r_chosen - r_rejected - margin), and the
    detached fraction of pairs with r_chosen > r_rejected (strict, margin ignored)."""
    raise NotImplementedError("difference, subtract the margin, stable -log sigmoid, mean")
