"""Data for debug/classification/grad-accumulation: four classes from a fixed teacher network.

Features are 16-dimensional standard normal. The label is the argmax of a fixed, seeded
teacher: a bias-free ReLU network 16 -> 32 -> 4 (the same teacher for every seed; the
seed changes the samples). The classes are unbalanced (roughly 19%, 38%, 7% and 35%). A
bias-free ReLU network is positively homogeneous, so scaling a row does not change its
label: 0.3% of the training rows (about nine) are multiplied by 100, as if logged in
the wrong unit, and keep their correct labels. Their gradients are hundreds of times the
usual size, which is what gradient clipping is for. The held-out rows are all clean.
3000 training rows, 1000 held out.
"""

import torch

DIM, HIDDEN, CLASSES = 16, 32, 4
EXTREME_RATE, EXTREME_SCALE = 0.003, 100.0


def make_data(seed: int) -> dict:
    teacher = torch.Generator().manual_seed(35_999)
    w1 = torch.randn(DIM, HIDDEN, generator=teacher)
    w2 = torch.randn(HIDDEN, CLASSES, generator=teacher)
    g = torch.Generator().manual_seed(35_000 + seed)

    def sample(n: int, rate: float):
        x = torch.randn(n, DIM, generator=g)
        y = (torch.relu(x @ w1) @ w2).argmax(dim=1)
        extreme = torch.rand(n, generator=g) < rate
        return torch.where(extreme[:, None], x * EXTREME_SCALE, x), y

    x_train, y_train = sample(3000, EXTREME_RATE)
    x_test, y_test = sample(1000, 0.0)
    return {"train": {"x": x_train, "y": y_train}, "test_inputs": {"x": x_test},
            "test_targets": y_test}
