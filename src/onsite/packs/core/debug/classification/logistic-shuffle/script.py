"""Train a logistic-regression fault detector on twenty sensor readings.

The loss never settles and held-out accuracy is close to a coin flip. Find and fix
the bugs. Run it with `python script.py` to see the loss per epoch.
"""

import torch
from torch import nn


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["x"] (N, 20) readings and data["y"] (N,) labels in {0, 1}."""
    torch.manual_seed(seed)
    x, y = data["x"], data["y"].float()
    model = nn.Linear(x.shape[1], 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.BCEWithLogitsLoss()
    history = []
    for _epoch in range(20):
        xs = x[torch.randperm(len(x))]
        ys = y[torch.randperm(len(y))]
        total = 0.0
        for start in range(0, len(xs), 32):
            logits = model(xs[start:start + 32]).squeeze(-1)
            loss = loss_fn(logits, ys[start:start + 32])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(logits)
        history.append(total / len(xs))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Labels (M,) in {0, 1} for inputs["x"] (M, 20)."""
    return (model(inputs["x"]).squeeze(-1) > 0).long()


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    signal = torch.randn(3000, 20, generator=g)
    readings = signal + 3.0 * torch.randn(3000, 1, generator=g)
    labels = (signal[:, :5].sum(dim=1) - signal[:, 5:8].sum(dim=1) > 0).long()
    model, losses = train({"x": readings, "y": labels}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
