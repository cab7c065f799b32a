"""Skips the L2 normalisation: dot products instead of cosine similarities."""
import torch
import torch.nn.functional as F
from torch import Tensor

MAX_SCALE = 100.0


def clip_loss(image_emb: Tensor, text_emb: Tensor, log_scale: Tensor) -> tuple[Tensor, Tensor]:
    # Cosine similarity: only directions matter, not the encoders' output norms.
    u = image_emb
    w = text_emb
    # exp keeps the scale positive; the cap stops the temperature collapsing toward 0.
    scale = torch.exp(log_scale).clamp(max=MAX_SCALE)
    logits_per_image = scale * u @ w.T                               # (N, N), row i = image i
    targets = torch.arange(image_emb.shape[0], device=image_emb.device)
    loss_images = F.cross_entropy(logits_per_image, targets)        # each image picks its caption
    loss_texts = F.cross_entropy(logits_per_image.T, targets)       # each caption picks its image
    return (loss_images + loss_texts) / 2, logits_per_image
