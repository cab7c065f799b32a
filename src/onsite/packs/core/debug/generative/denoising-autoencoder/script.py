"""Train a denoising autoencoder that maps noisy 1-D signals to clean ones.

The network sees a signal with Gaussian noise added and should output the clean signal.
The loss runs off to large negative values and the reconstructions are poor.
Find and fix the bugs. Run it with `python script.py` to see the loss per epoch.
"""

import math

import torch
import torch.nn.functional as F
from torch import nn


def build_model(length: int, hidden: int = 128) -> nn.Module:
    return nn.Sequential(
        nn.Linear(length, hidden), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(hidden, hidden), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(hidden, length),
    )


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit data["noisy"] (N, L) -> data["clean"] (N, L); return the model and the epoch losses."""
    torch.manual_seed(seed)
    noisy, clean = data["noisy"], data["clean"]
    model = build_model(noisy.shape[1])
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    history = []
    for _epoch in range(30):
        order = torch.randperm(len(noisy))
        total = 0.0
        for start in range(0, len(noisy), 64):
            batch = order[start:start + 64]
            output = model(noisy[batch])
            loss = F.binary_cross_entropy_with_logits(output, clean[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(noisy))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Denoised signals (M, L) for inputs["noisy"] (M, L)."""
    return torch.sigmoid(model(inputs["noisy"]))


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    t = torch.linspace(0, 1, 32)
    amplitude = torch.randn(2000, 2, 1, generator=g)
    frequency = 1 + 3 * torch.rand(2000, 2, 1, generator=g)
    waves = (amplitude * torch.sin(2 * math.pi * frequency * t)).sum(dim=1)
    corrupted = waves + 0.5 * torch.randn(2000, 32, generator=g)
    model, losses = train({"noisy": corrupted[:1500], "clean": waves[:1500]}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
    error = (predict(model, {"noisy": corrupted[1500:]}) - waves[1500:]).pow(2).mean()
    print(f"held-out MSE {error:.4f} (returning the noisy input scores 0.25)")
