"""Data for debug/regression/physics-residual: a smooth 2-D response on raw physical scales.

Each input is a pair (position in millimetres, uniform on [0, 1000]; strain, uniform on
[0, 0.02]). The response is sin(6 p) * (1 + 25 s) + 0.5 cos(150 s), with p the position
in metres and s the strain: smooth, with about two and a half waves along the position
and amplitude and offset set by the strain. Training targets carry Gaussian noise of
standard deviation 0.1; the held-out targets are the clean function. The two inputs
differ in scale by a factor of about 50,000.
"""

import torch


def response(x: torch.Tensor) -> torch.Tensor:
    p, s = x[:, 0] / 1000, x[:, 1]
    return torch.sin(6 * p) * (1 + 25 * s) + 0.5 * torch.cos(150 * s)


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(32_000 + seed)

    def sample(n: int) -> torch.Tensor:
        return torch.rand(n, 2, generator=g) * torch.tensor([1000.0, 0.02])

    x_train, x_test = sample(2000), sample(1000)
    y_train = response(x_train) + 0.1 * torch.randn(2000, generator=g)
    return {"train": {"x": x_train, "y": y_train}, "test_inputs": {"x": x_test},
            "test_targets": response(x_test)}
