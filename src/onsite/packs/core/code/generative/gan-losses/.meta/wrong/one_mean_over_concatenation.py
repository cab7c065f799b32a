"""Averages one BCE over the concatenated real and fake logits instead of summing two batch means."""
import torch
import torch.nn.functional as F


def discriminator_loss(real_logits, fake_logits):
    per_sample = torch.cat([F.softplus(-real_logits).flatten(), F.softplus(fake_logits).flatten()])
    return per_sample.mean()


def generator_loss_nonsaturating(fake_logits):
    return F.softplus(-fake_logits).mean()


def generator_loss_minimax(fake_logits):
    return -F.softplus(fake_logits).mean()
