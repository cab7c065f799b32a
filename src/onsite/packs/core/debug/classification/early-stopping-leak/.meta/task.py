"""Data for debug/classification/early-stopping-leak: three classes on a twisted pinwheel.

A point has eight standard-normal coordinates; its class is one of three sectors of the
plane of the first two, turned by an amount that grows with the distance from the
origin. The other six coordinates are noise. In the training split 30% of the labels are
replaced by a uniformly random class (so about 20% are wrong), which a wide MLP can
memorise; the held-out labels are clean. The classes are close to balanced.
"""

import math

import torch

DIM = 8
FLIP = 0.3


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(30_000 + seed)

    def sample(n: int, noisy: bool):
        x = torch.randn(n, DIM, generator=g)
        turn = torch.atan2(x[:, 1], x[:, 0]) + 0.7 * x[:, :2].norm(dim=1)
        y = (turn.remainder(2 * math.pi) / (2 * math.pi / 3)).long().clamp(max=2)
        if noisy:
            flip = torch.rand(n, generator=g) < FLIP
            y = torch.where(flip, torch.randint(0, 3, (n,), generator=g), y)
        return x, y

    x_train, y_train = sample(2500, True)
    x_test, y_test = sample(2000, False)
    return {"train": {"x": x_train, "y": y_train}, "test_inputs": {"x": x_test},
            "test_targets": y_test}
