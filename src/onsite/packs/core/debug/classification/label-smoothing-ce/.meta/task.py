"""Data for debug/classification/label-smoothing-ce: six unbalanced classes of clusters.

Each of six classes owns six cluster centres drawn from a standard normal in 8
dimensions and scaled by 1.5; a point is its centre plus unit Gaussian noise, so the
clusters of different classes interleave and overlap a little. The classes are far
from balanced (prior 0.6, 0.2, 0.1, 0.05, 0.03, 0.02): always answering the largest
class scores about 0.6. Five per cent of the training labels are replaced by a random
class (the held-out labels are clean), the situation label smoothing is meant for.
Training has 3000 points, the held-out set 1500.
"""

import torch

N_CLASSES = 6
PER_CLASS = 6
DIM = 8
PRIOR = torch.tensor([0.6, 0.2, 0.1, 0.05, 0.03, 0.02])
SCALE = 1.5


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(65_000 + seed)
    centres = SCALE * torch.randn(N_CLASSES * PER_CLASS, DIM, generator=g)

    def sample(n: int, noise: float):
        y = torch.multinomial(PRIOR, n, replacement=True, generator=g)
        cluster = y * PER_CLASS + torch.randint(0, PER_CLASS, (n,), generator=g)
        x = centres[cluster] + torch.randn(n, DIM, generator=g)
        flip = torch.rand(n, generator=g) < noise
        y = torch.where(flip, torch.randint(0, N_CLASSES, (n,), generator=g), y)
        return x, y

    x_train, y_train = sample(3000, 0.05)
    x_test, y_test = sample(1500, 0.0)
    return {"train": {"x": x_train, "y": y_train}, "test_inputs": {"x": x_test},
            "test_targets": y_test}
