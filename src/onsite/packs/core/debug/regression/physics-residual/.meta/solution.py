"""Fit a small MLP to noisy measurements of a smooth response of two physical inputs.

The repaired script: inputs standardised with training statistics, weight decay on
squared weights, dropout switched off at prediction time.
Run it with `python solution.py` to see the loss per epoch.
"""

import torch
from torch import nn

WEIGHT_DECAY = 1e-3


def build_model() -> nn.Module:
    return nn.Sequential(nn.Linear(2, 64), nn.Tanh(), nn.Dropout(0.1),
                         nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 1))


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["x"] (N, 2) and data["y"] (N,); return the model and the loss per epoch."""
    torch.manual_seed(seed)
    x, y = data["x"], data["y"]
    model = build_model()
    model.register_buffer("mean", x.mean(dim=0))  # scales differ by ~50,000: standardise
    model.register_buffer("std", x.std(dim=0))
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)  # tuned on standardised inputs
    history = []
    for _epoch in range(60):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), 64):
            batch = order[start:start + 64]
            pred = model((x[batch] - model.mean) / model.std).squeeze(-1)
            mse = ((pred - y[batch]) ** 2).mean()
            penalty = sum((p ** 2).sum() for name, p in model.named_parameters() if "weight" in name)
            loss = mse + WEIGHT_DECAY * penalty
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += mse.item() * len(batch)
        history.append(total / len(x))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Predicted response (N,) for inputs["x"] (N, 2)."""
    model.eval()  # dropout off
    with torch.no_grad():
        return model((inputs["x"] - model.mean) / model.std).squeeze(-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    demo_x = torch.rand(2000, 2, generator=g) * torch.tensor([1000.0, 0.02])
    p, s = demo_x[:, 0] / 1000, demo_x[:, 1]
    demo_y = torch.sin(6 * p) * (1 + 25 * s) + 0.5 * torch.cos(150 * s)
    model, losses = train({"x": demo_x, "y": demo_y + 0.1 * torch.randn(2000, generator=g)}, 0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
