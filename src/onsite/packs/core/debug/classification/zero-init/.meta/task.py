"""Data for debug/classification/zero-init: five classes of points in twelve dimensions.

Each class has two Gaussian clusters (ten in all) whose seeded centres are drawn with
standard deviation 1.6 in every coordinate; a point is its cluster's centre plus standard
normal noise. Two clusters per class make the classes non-convex, so a hidden layer
helps. The classes are balanced. The training labels arrive as the raw codes of the
export, 11 to 15 for classes 0 to 4 (the script must translate them); the held-out
targets are the class indices 0 to 4 that predict must return. 3000 training points,
1000 held out.
"""

import torch

DIM, CLASSES, CLUSTERS = 12, 5, 2
SPREAD = 1.1
FIRST_CODE = 11


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(36_000 + seed)
    centres = SPREAD * torch.randn(CLASSES * CLUSTERS, DIM, generator=g)

    def sample(n: int):
        cluster = torch.randint(0, CLASSES * CLUSTERS, (n,), generator=g)
        x = centres[cluster] + torch.randn(n, DIM, generator=g)
        return x, cluster % CLASSES

    x_train, y_train = sample(3000)
    x_test, y_test = sample(1000)
    return {"train": {"x": x_train, "code": y_train + FIRST_CODE},
            "test_inputs": {"x": x_test}, "test_targets": y_test}
