"""Train a small MLP to predict a continuous target from eight tabular features.

The repaired script: predictions and targets of the same shape in the loss, a learning
rate SGD can follow, and held-out rows standardised with the training statistics.
"""

import torch
from torch import nn


class Regressor(nn.Module):
    """An MLP from standardised features to one number, carrying the training statistics."""

    def __init__(self, mean: torch.Tensor, std: torch.Tensor, hidden: int = 64):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)
        self.net = nn.Sequential(
            nn.Linear(len(mean), hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, 1),
        )

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        return self.net(features)  # (N, 1)


def standardise(x: torch.Tensor, mean: torch.Tensor, std: torch.Tensor) -> torch.Tensor:
    return (x - mean) / std


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["x"] (N, 8) and data["y"] (N,); return the model and the loss per epoch."""
    torch.manual_seed(seed)
    x, y = data["x"], data["y"]
    mean, std = x.mean(dim=0), x.std(dim=0)
    model = Regressor(mean, std)
    features = standardise(x, mean, std)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)  # 0.5 diverges
    history = []
    for _epoch in range(40):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), 64):
            batch = order[start:start + 64]
            pred = model(features[batch]).squeeze(-1)  # (B,): (B, 1) - (B,) would be (B, B)
            loss = ((pred - y[batch]) ** 2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(x))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Predictions (M,) for inputs["x"] (M, 8)."""
    model.eval()
    x = inputs["x"]
    return model(standardise(x, model.mean, model.std)).squeeze(-1)  # training statistics


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    latent = torch.randn(2000, 8, generator=g)
    target = torch.sin(1.5 * latent[:, 0]) + latent[:, 1] * latent[:, 2] + 0.5 * latent[:, 3] ** 2
    scaled = latent * torch.logspace(-2, 3, 8) + 10.0
    model, losses = train({"x": scaled, "y": target}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
