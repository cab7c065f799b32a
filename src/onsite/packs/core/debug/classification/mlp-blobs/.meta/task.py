"""Data for debug/classification/mlp-blobs: four classes by distance from the origin.

The class of a point is the band its distance from the origin falls in, measured in
two of its eight coordinates; the other six are noise. Features come on very different
scales (up to a thousand times apart), so the script must standardise them. The band
edges split a 2-D standard normal into four nearly equal classes.
"""

import torch

DIM = 8
EDGES = torch.tensor([0.76, 1.18, 1.67])


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(10_000 + seed)

    def sample(n: int):
        z = torch.randn(n, DIM, generator=g)
        y = torch.bucketize(z[:, :2].norm(dim=1), EDGES)
        return z * torch.logspace(0, 3, DIM), y

    x_train, y_train = sample(2000)
    x_test, y_test = sample(1000)
    return {"train": {"x": x_train, "y": y_train}, "test_inputs": {"x": x_test},
            "test_targets": y_test}
