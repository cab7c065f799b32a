"""Data for debug/generative/denoising-autoencoder: smooth signals under Gaussian noise.

A clean signal is 32 samples on [0, 1] of a sum of three sinusoids, each with a standard
normal amplitude, a frequency between 1 and 4 cycles and a random phase, divided by 1.5;
values mostly lie between -3 and 3 (not in (0, 1)). The noisy version adds independent
Gaussian noise of standard deviation 0.5 to every sample. The training split has 3000
pairs of noisy and clean signals; the held-out split gives 500 noisy signals and keeps
their clean versions as targets. Returning the noisy input scores an MSE of about 0.25,
returning zeros about 0.65.
"""

import math

import torch

LENGTH, SIGMA = 32, 0.5


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(34_000 + seed)
    t = torch.linspace(0, 1, LENGTH)

    def signals(n: int):
        amplitude = torch.randn(n, 3, 1, generator=g)
        frequency = 1 + 3 * torch.rand(n, 3, 1, generator=g)
        phase = 2 * math.pi * torch.rand(n, 3, 1, generator=g)
        clean = (amplitude * torch.sin(2 * math.pi * frequency * t + phase)).sum(dim=1) / 1.5
        return clean + SIGMA * torch.randn(n, LENGTH, generator=g), clean

    noisy, clean = signals(3000)
    noisy_test, clean_test = signals(500)
    return {"train": {"noisy": noisy, "clean": clean}, "test_inputs": {"noisy": noisy_test},
            "test_targets": clean_test}
