"""Data for debug/vision/patch-classifier-vit: count a glyph in 8x8 images.

Every seed draws six random 4x4 glyphs with pixels of +1 or -1. An image is a 2x2 grid
of glyph cells (each cell is 4x4 pixels, aligned with the grid): each cell holds the
target glyph (glyph 0) with probability one half, otherwise one of the five others,
and Gaussian pixel noise (sd 0.6) is added. The label is how many of the four cells
hold the target glyph, 0 to 4, so the classes follow a binomial(4, 1/2) law and always
answering 2 scores about 0.375. Training has 4000 images, the held-out set 1000.
"""

import torch

N_GLYPHS = 6
NOISE = 1.1


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(66_000 + seed)
    glyphs = torch.randint(0, 2, (N_GLYPHS, 4, 4), generator=g).float() * 2 - 1

    def sample(n: int):
        target = torch.rand(n, 4, generator=g) < 0.5
        other = torch.randint(1, N_GLYPHS, (n, 4), generator=g)
        kind = torch.where(target, torch.zeros_like(other), other)
        cells = glyphs[kind].reshape(n, 2, 2, 4, 4)  # (n, cell row, cell col, 4, 4)
        images = cells.permute(0, 1, 3, 2, 4).reshape(n, 8, 8)
        images = images + NOISE * torch.randn(n, 8, 8, generator=g)
        return images, target.sum(dim=1)

    x_train, y_train = sample(3000)
    x_test, y_test = sample(1000)
    return {"train": {"x": x_train, "y": y_train}, "test_inputs": {"x": x_test},
            "test_targets": y_test}
