import torch
import torch.nn.functional as F
from torch import Tensor


def discriminator_loss(real_logits: Tensor, fake_logits: Tensor) -> Tensor:
    """mean(-log sigmoid(real)) + mean(-log(1 - sigmoid(fake))), computed stably."""
    raise NotImplementedError("two binary cross-entropies: real labelled 1, fake labelled 0")


def generator_loss_nonsaturating(fake_logits: Tensor) -> Tensor:
    """mean(-log sigmoid(fake)): the generator wants D to call its samples real."""
    raise NotImplementedError("the fake samples labelled 1")


def generator_loss_minimax(fake_logits: Tensor) -> Tensor:
    """mean(log(1 - sigmoid(fake))): the original game's generator objective (to minimise)."""
    raise NotImplementedError("minus the discriminator's loss on the fakes")
