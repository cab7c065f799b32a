"""vision/vit-patch-embedding: patchify against F.unfold and a slicing loop, and the embedding
against F.conv2d with kernel = stride = P (the usual ViT implementation)."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "vision/vit-patch-embedding"
ref = reference(ITEM)

SHAPES = [(2, 3, 8, 8, 4), (1, 2, 6, 10, 2), (3, 1, 8, 12, 4), (2, 3, 3, 2, 1), (2, 2, 4, 4, 4),
          (1, 3, 32, 48, 16)]


def loop_patches(images, P):
    B, C, H, W = images.shape
    rows = []
    for r in range(H // P):
        for c in range(W // P):
            rows.append(images[:, :, r * P:(r + 1) * P, c * P:(c + 1) * P].reshape(B, -1))
    return torch.stack(rows, dim=1)


def conv_embed(images, weight, bias, cls, pos, P):
    d = weight.shape[1]
    kernel = weight.T.reshape(d, images.shape[1], P, P)
    tokens = F.conv2d(images, kernel, bias, stride=P).flatten(2).transpose(1, 2)
    return torch.cat([cls.expand(images.shape[0], 1, d), tokens], dim=1) + pos


def setup(B, C, H, W, P, d=8, seed=0):
    g = torch.Generator().manual_seed(seed)
    N = (H // P) * (W // P)
    return (torch.randn(B, C, H, W, generator=g, dtype=torch.float64),
            torch.randn(C * P * P, d, generator=g, dtype=torch.float64),
            torch.randn(d, generator=g, dtype=torch.float64),
            torch.randn(d, generator=g, dtype=torch.float64),
            torch.randn(1 + N, d, generator=g, dtype=torch.float64), P)


@pytest.mark.parametrize("B,C,H,W,P", SHAPES)
def test_patchify_matches_unfold_and_loop(B, C, H, W, P):
    images = setup(B, C, H, W, P)[0]
    got = ref.patchify(images, P)
    assert torch.equal(got, F.unfold(images, P, stride=P).transpose(1, 2))
    assert torch.equal(got, loop_patches(images, P))


@pytest.mark.parametrize("B,C,H,W,P", SHAPES)
def test_embed_matches_conv2d(B, C, H, W, P):
    args = setup(B, C, H, W, P, seed=B + H)
    torch.testing.assert_close(ref.patch_embed(*args), conv_embed(*args), atol=1e-12, rtol=1e-12)


@pytest.mark.parametrize("name", ["channels_last_flatten", "reshape_without_permute", "column_major_patches",
                                  "cls_appended_last", "no_pos_on_cls"])
def test_wrong_variants_disagree(name):
    args = setup(2, 3, 8, 12, 4, seed=7)
    assert not torch.allclose(wrong(ITEM, name).patch_embed(*args), conv_embed(*args))
