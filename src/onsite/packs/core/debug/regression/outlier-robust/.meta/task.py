"""Data for debug/regression/outlier-robust: a smooth target read by a spiky sensor.

Six standard-normal features; the clean target is a fixed smooth function of four of
them (standard deviation about 1.9). The recorded target adds Gaussian noise of standard
deviation 0.2 and, on a random 20% of readings, an upward spike drawn from an exponential
distribution with mean 5 (a sensor glitch). Spikes are one-sided, so the conditional mean
of the recorded target sits about 1 above the clean value while its conditional median
sits about 0.06 above it. The held-out targets are recorded the same way and the metric
is mean absolute error, which the conditional median minimises; the spikes alone put a
floor of about 1.1 under any model's error. 3000 training rows, 1000 held out.
"""

import torch

DIM = 6
NOISE = 0.2
SPIKE_RATE, SPIKE_MEAN = 0.2, 5.0


def clean(x: torch.Tensor) -> torch.Tensor:
    return 2.0 * torch.sin(1.5 * x[:, 0]) + x[:, 1] * x[:, 2] + 0.8 * x[:, 3] + 1.0


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(34_000 + seed)

    def sample(n: int):
        x = torch.randn(n, DIM, generator=g)
        spike = torch.rand(n, generator=g) < SPIKE_RATE
        size = torch.empty(n).exponential_(1.0 / SPIKE_MEAN, generator=g)
        y = clean(x) + NOISE * torch.randn(n, generator=g) + torch.where(spike, size, 0.0)
        return x, y

    x_train, y_train = sample(3000)
    x_test, y_test = sample(1000)
    return {"train": {"x": x_train, "y": y_train}, "test_inputs": {"x": x_test},
            "test_targets": y_test}
