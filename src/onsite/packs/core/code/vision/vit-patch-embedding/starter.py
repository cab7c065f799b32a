import torch
from torch import Tensor


def patchify(images: Tensor, patch_size: int) -> Tensor:
    """(B, C, H, W) -> (B, N, C * P * P), patches row-major, pixels in (C, P, P) order."""
    raise NotImplementedError("reshape to (B, C, H/P, P, W/P, P), permute, flatten")


def patch_embed(
    images: Tensor, weight: Tensor, bias: Tensor, cls_token: Tensor, pos_embed: Tensor, patch_size: int
) -> Tensor:
    """(B, 1 + N, d): [cls; patches @ weight + bias] + pos_embed."""
    raise NotImplementedError("project the patches, prepend the class token, add the positions")
