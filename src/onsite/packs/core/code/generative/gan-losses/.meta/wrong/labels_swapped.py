"""Labels the real samples 0 and the fakes 1 in the discriminator loss."""
import torch.nn.functional as F


def discriminator_loss(real_logits, fake_logits):
    return F.softplus(real_logits).mean() + F.softplus(-fake_logits).mean()


def generator_loss_nonsaturating(fake_logits):
    return F.softplus(-fake_logits).mean()


def generator_loss_minimax(fake_logits):
    return -F.softplus(fake_logits).mean()
