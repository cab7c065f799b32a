"""Data for debug/regression/tabular-mlp: a smooth nonlinear target from eight features.

Eight latent features are standard normal; the columns the script sees are those
latents on very different scales and offsets (like areas, ages and counts). The target
is a fixed nonlinear function of five latents plus Gaussian noise of standard deviation
0.3, so an ideal model's MSE is about 0.09, while always predicting the training mean
scores about 2.7. The held-out rows come from a later collection whose features have
drifted: four latents are shifted by half a standard deviation or more and the spread is
narrower, so held-out rows must be standardised with the training statistics, not their
own.
"""

import torch

DIM = 8
SCALE = torch.tensor([1.0, 50.0, 0.01, 8.0, 300.0, 2.0, 0.5, 20.0])
OFFSET = torch.tensor([0.0, 400.0, 0.05, 30.0, 2000.0, -3.0, 1.0, 100.0])
SHIFT = torch.tensor([0.7, -0.6, 0.0, 0.6, 0.5, 0.0, 0.0, 0.0])
SPREAD = 0.75
NOISE = 0.3


def target(z: torch.Tensor) -> torch.Tensor:
    return (1.5 * torch.sin(1.5 * z[:, 0]) + z[:, 1] * z[:, 2] + 0.5 * z[:, 3] ** 2
            + torch.tanh(2.0 * z[:, 4]) + 0.7 * z[:, 1] + 2.0)


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(30_000 + seed)

    def sample(n: int, shift: torch.Tensor, spread: float):
        z = torch.randn(n, DIM, generator=g) * spread + shift
        y = target(z) + NOISE * torch.randn(n, generator=g)
        return z * SCALE + OFFSET, y

    x_train, y_train = sample(2000, torch.zeros(DIM), 1.0)
    x_test, y_test = sample(1000, SHIFT, SPREAD)
    return {"train": {"x": x_train, "y": y_train}, "test_inputs": {"x": x_test},
            "test_targets": y_test}
