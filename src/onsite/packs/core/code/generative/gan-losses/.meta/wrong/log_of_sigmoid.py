"""Takes torch.log of torch.sigmoid: -inf (and inf losses) once the logits saturate."""
import torch


def discriminator_loss(real_logits, fake_logits):
    return -torch.log(torch.sigmoid(real_logits)).mean() - torch.log(1 - torch.sigmoid(fake_logits)).mean()


def generator_loss_nonsaturating(fake_logits):
    return -torch.log(torch.sigmoid(fake_logits)).mean()


def generator_loss_minimax(fake_logits):
    return torch.log(1 - torch.sigmoid(fake_logits)).mean()
