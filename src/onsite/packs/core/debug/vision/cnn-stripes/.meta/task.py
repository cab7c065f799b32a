"""Data for debug/vision/cnn-stripes: the orientation of noisy coloured stripes.

Each image is 16 x 16 RGB, stored channels-last as (N, 16, 16, 3) float32. It shows a
sinusoidal grating whose orientation is the class: 0 horizontal, 1 vertical, 2 rising
diagonal, 3 falling diagonal, each jittered by up to 12 degrees. The spatial frequency,
the phase and the tint (a random positive colour per image) are nuisances, and strong
Gaussian pixel noise (standard deviation NOISE) is added, so a model must pool local
orientation evidence over the image. Classes are balanced; 2000 training images, 1000
held out.
"""

import math

import torch

SIZE = 16
NOISE = 0.5
ANGLES = torch.tensor([0.0, 90.0, 45.0, 135.0])


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(32_000 + seed)
    coords = torch.arange(SIZE, dtype=torch.float32)
    rows, cols = torch.meshgrid(coords, coords, indexing="ij")

    def sample(n: int):
        y = torch.randint(0, 4, (n,), generator=g)
        theta = (ANGLES[y] + 24.0 * (torch.rand(n, generator=g) - 0.5)) * math.pi / 180.0
        freq = 0.12 + 0.18 * torch.rand(n, generator=g)
        phase = 2 * math.pi * torch.rand(n, generator=g)
        along = (cols[None] * torch.cos(theta)[:, None, None]
                 - rows[None] * torch.sin(theta)[:, None, None])
        wave = torch.sin(2 * math.pi * freq[:, None, None] * along + phase[:, None, None])
        tint = 0.3 + 0.7 * torch.rand(n, 1, 1, 3, generator=g)
        images = 0.5 + 0.4 * wave[..., None] * tint
        return images + NOISE * torch.randn(n, SIZE, SIZE, 3, generator=g), y

    x_train, y_train = sample(2000)
    x_test, y_test = sample(1000)
    return {"train": {"images": x_train, "y": y_train}, "test_inputs": {"images": x_test},
            "test_targets": y_test}
