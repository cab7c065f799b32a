"""Fit an MLP to a sensor target with occasional upward spikes, scored by absolute error.

The repaired script: an L1 loss, which estimates the median the metric rewards, and an
optimiser step after every batch.
"""

import torch
from torch import nn


def build_model(d_in: int) -> nn.Module:
    return nn.Sequential(
        nn.Linear(d_in, 64), nn.ReLU(),
        nn.Linear(64, 64), nn.ReLU(),
        nn.Linear(64, 1),
    )


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["x"] (N, 6) and data["y"] (N,); return the model and the loss per epoch."""
    torch.manual_seed(seed)
    x, y = data["x"], data["y"]
    model = build_model(x.shape[1])
    optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
    loss_fn = nn.L1Loss()  # the metric is absolute error: fit the median, not the mean
    history = []
    for _epoch in range(20):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), 64):
            batch = order[start:start + 64]
            pred = model(x[batch]).squeeze(-1)
            loss = loss_fn(pred, y[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()  # inside the batch loop: one update per batch
            total += loss.item() * len(batch)
        history.append(total / len(x))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Predictions (M,) for inputs["x"] (M, 6)."""
    model.eval()
    return model(inputs["x"]).squeeze(-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    features = torch.randn(3000, 6, generator=g)
    glitch = torch.rand(3000, generator=g) < 0.2
    spikes = torch.where(glitch, 10.0 * torch.rand(3000, generator=g), 0.0)
    readings = torch.sin(features[:, 0]) + features[:, 1] ** 2 + spikes
    model, losses = train({"x": features, "y": readings}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
