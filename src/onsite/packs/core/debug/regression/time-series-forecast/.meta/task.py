"""Data for debug/regression/time-series-forecast: seasonal series with a trend.

Each of 64 series is a level, a gentle upward trend, two seasonal waves (periods 12
and 7 steps, random amplitudes and phases) and Gaussian noise (sd 0.1). Training gets
the first 200 steps of every series. The held-out windows come from the same series'
future (steps 200 to 259): 24 consecutive values each, and the target is the value
that follows. Because of the trend, the future sits higher than the training
stretch. Copying the last value of a window scores an MSE near 0.3; a model that
uses the whole window gets close to the noise floor.
"""

import math

import torch

N_SERIES = 64
TRAIN_LEN = 200
TOTAL_LEN = 260
WINDOW = 24


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(64_000 + seed)

    def uniform(lo: float, hi: float) -> torch.Tensor:
        return lo + (hi - lo) * torch.rand(N_SERIES, 1, generator=g)

    t = torch.arange(TOTAL_LEN, dtype=torch.float32)
    series = (uniform(-3.0, 3.0) + uniform(0.0, 0.012) * t
              + uniform(0.5, 1.5) * torch.sin(2 * math.pi * t / 12 + uniform(0, 2 * math.pi))
              + uniform(0.3, 1.0) * torch.sin(2 * math.pi * t / 7 + uniform(0, 2 * math.pi))
              + 0.1 * torch.randn(N_SERIES, TOTAL_LEN, generator=g))
    ends = torch.arange(TRAIN_LEN + WINDOW, TOTAL_LEN)  # index of each target
    windows = torch.stack([series[:, e - WINDOW:e] for e in ends], dim=1)  # (S, E, W)
    targets = series[:, ends]  # (S, E)
    return {"train": {"series": series[:, :TRAIN_LEN].contiguous()},
            "test_inputs": {"x": windows.reshape(-1, WINDOW)},
            "test_targets": targets.reshape(-1)}
