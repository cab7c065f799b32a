"""Data for debug/classification/multilabel-bce: six independent tags per example.

Each example is a 24-dimensional standard-normal feature vector (think of an embedding
of a document). Six tags are switched on or off by a fixed, seeded random two-layer
network of the features: tag k is on when its score, plus Gaussian noise, is above
its threshold. The thresholds are the score's median, so every tag is on for about half
the examples and predicting all zeros or all ones scores about 0.5; the noise caps
the per-tag accuracy near 0.9. The targets are the (M, 6) 0/1 matrix; the metric is
accuracy over all M * 6 entries. 3000 training examples, 1000 held out.
"""

import torch

DIM, HIDDEN, TAGS = 24, 16, 6
NOISE = 0.3


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(33_000 + seed)
    w1 = torch.randn(DIM, HIDDEN, generator=g) / DIM ** 0.5
    w2 = torch.randn(HIDDEN, TAGS, generator=g) / HIDDEN ** 0.5

    def score(x: torch.Tensor) -> torch.Tensor:
        return torch.tanh(2.0 * x @ w1) @ w2

    centre = score(torch.randn(20_000, DIM, generator=g)).median(dim=0).values
    scale = score(torch.randn(20_000, DIM, generator=g)).std(dim=0)

    def sample(n: int):
        x = torch.randn(n, DIM, generator=g)
        s = (score(x) - centre) / scale
        return x, (s + NOISE * torch.randn(n, TAGS, generator=g) > 0).long()

    x_train, y_train = sample(3000)
    x_test, y_test = sample(1000)
    return {"train": {"x": x_train, "tags": y_train}, "test_inputs": {"x": x_test},
            "test_targets": y_test}
