import torch
from torch import Tensor


def clip_loss(image_emb: Tensor, text_emb: Tensor, log_scale: Tensor) -> tuple[Tensor, Tensor]:
    """Symmetric InfoNCE over an (N, N) similarity matrix; returns (loss, logits_per_image)."""
    raise NotImplementedError("normalise, scale by exp(log_scale) clamped at 100, cross-entropy both ways")
