import torch
from torch import Tensor


def patchify(images: Tensor, patch_size: int) -> Tensor:
    B, C, H, W = images.shape
    P = patch_size
    gh, gw = H // P, W // P
    # Split each spatial axis into (which patch, where inside it): (B, C, gh, P, gw, P).
    x = images.reshape(B, C, gh, P, gw, P)
    # Grid axes first (row-major patch order), then the pixel axes in (C, P, P) order.
    x = x.permute(0, 2, 4, 1, 3, 5)
    return x.reshape(B, gh * gw, C * P * P)


def patch_embed(
    images: Tensor, weight: Tensor, bias: Tensor, cls_token: Tensor, pos_embed: Tensor, patch_size: int
) -> Tensor:
    tokens = patchify(images, patch_size) @ weight + bias             # (B, N, d)
    B, _, d = tokens.shape
    cls = cls_token.reshape(1, 1, d).expand(B, 1, d)                  # one shared token per image
    z = torch.cat([cls, tokens], dim=1)                               # class token first
    return z + pos_embed                                              # row 0 is the class token's
