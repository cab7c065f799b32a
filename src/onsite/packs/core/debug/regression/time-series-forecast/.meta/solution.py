"""Forecast the next value of a seasonal series from the 24 values before it.

A small MLP is trained on sliding windows cut from the training series. The training
loss looks excellent, yet the held-out forecasts are poor. Find and fix the bugs.
Run it with `python script.py` to see the loss per epoch.
"""

import math

import torch
from torch import nn

WINDOW = 24


def make_windows(series: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Cut every series (S, T) into windows (N, WINDOW) and the value to forecast (N,)."""
    inputs, targets = [], []
    for start in range(series.shape[1] - WINDOW):
        inputs.append(series[:, start:start + WINDOW])
        targets.append(series[:, start + WINDOW])  # the value AFTER the window
    return torch.cat(inputs), torch.cat(targets)


class Forecaster(nn.Module):
    """An MLP from a standardised window to the standardised next value."""

    def __init__(self, mean: torch.Tensor, std: torch.Tensor, hidden: int = 64):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)
        self.net = nn.Sequential(
            nn.Linear(WINDOW, hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, 1),
        )

    def forward(self, scaled: torch.Tensor) -> torch.Tensor:
        return self.net(scaled).squeeze(-1)


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["series"] (S, T); return the model and the loss per epoch."""
    torch.manual_seed(seed)
    series = data["series"]
    mean, std = series.mean(), series.std()
    x, y = make_windows((series - mean) / std)
    model = Forecaster(mean, std)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    history = []
    for _epoch in range(20):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), 128):
            batch = order[start:start + 128]
            loss = ((model(x[batch]) - y[batch]) ** 2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(x))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Forecasts (M,) of the value after each window in inputs["x"] (M, WINDOW)."""
    model.eval()
    x = inputs["x"]
    # Scale with the training statistics the model was fitted with, never the test windows'.
    return model((x - model.mean) / model.std) * model.std + model.mean


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    t = torch.arange(200, dtype=torch.float32)
    level, slope = 4 * torch.rand(32, 1, generator=g) - 2, 0.01 * torch.rand(32, 1, generator=g)
    phase = 2 * math.pi * torch.rand(32, 1, generator=g)
    waves = torch.sin(2 * math.pi * t / 12 + phase) + 0.5 * torch.cos(2 * math.pi * t / 7 + phase)
    series = level + slope * t + waves + 0.1 * torch.randn(32, 200, generator=g)
    model, losses = train({"series": series}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
