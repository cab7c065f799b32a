"""Divides the similarities by exp(t), treating it as a temperature instead of a logit scale."""
import torch
import torch.nn.functional as F
from torch import Tensor

MAX_SCALE = 100.0


def clip_loss(image_emb: Tensor, text_emb: Tensor, log_scale: Tensor) -> tuple[Tensor, Tensor]:
    # Cosine similarity: only directions matter, not the encoders' output norms.
    u = F.normalize(image_emb, dim=-1, eps=1e-12)
    w = F.normalize(text_emb, dim=-1, eps=1e-12)
    # exp keeps the scale positive; the cap stops the temperature collapsing toward 0.
    scale = torch.exp(log_scale).clamp(max=MAX_SCALE)
    logits_per_image = u @ w.T / scale                              # (N, N), row i = image i
    targets = torch.arange(image_emb.shape[0], device=image_emb.device)
    loss_images = F.cross_entropy(logits_per_image, targets)        # each image picks its caption
    loss_texts = F.cross_entropy(logits_per_image.T, targets)       # each caption picks its image
    return (loss_images + loss_texts) / 2, logits_per_image
