import torch.nn.functional as F
from torch import Tensor

# -log sigmoid(l) = softplus(-l) and -log(1 - sigmoid(l)) = softplus(l): both are finite for
# any logit, whereas log(sigmoid(l)) hits log(0) once the sigmoid saturates.


def discriminator_loss(real_logits: Tensor, fake_logits: Tensor) -> Tensor:
    # Binary cross-entropy with real -> 1 and fake -> 0; one mean per batch, then summed.
    return F.softplus(-real_logits).mean() + F.softplus(fake_logits).mean()


def generator_loss_nonsaturating(fake_logits: Tensor) -> Tensor:
    # Maximise log D(G(z)): the fakes labelled "real". Gradient stays large when D wins.
    return F.softplus(-fake_logits).mean()


def generator_loss_minimax(fake_logits: Tensor) -> Tensor:
    # Minimise log(1 - D(G(z))) = -softplus(l): the generator's side of the zero-sum game.
    return -F.softplus(fake_logits).mean()
