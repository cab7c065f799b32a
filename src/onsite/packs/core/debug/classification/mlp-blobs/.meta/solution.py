"""Train a small MLP to classify points into four classes.

The repaired script: logits into the loss, gradients cleared every step, dropout
off at prediction time.
"""

import torch
from torch import nn


def build_model(d_in: int, n_classes: int) -> nn.Module:
    return nn.Sequential(
        nn.Linear(d_in, 128),
        nn.ReLU(),
        nn.Dropout(0.2),
        # Raw logits: CrossEntropyLoss applies log-softmax itself.
        nn.Linear(128, n_classes),
    )


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit the model on data["x"] (N, 8) and data["y"] (N,); return it and the loss per epoch."""
    torch.manual_seed(seed)
    x, y = data["x"], data["y"]
    mean, std = x.mean(dim=0), x.std(dim=0)
    model = build_model(x.shape[1], int(y.max()) + 1)
    model.register_buffer("mean", mean)
    model.register_buffer("std", std)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = nn.CrossEntropyLoss()
    history = []
    for _epoch in range(40):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), 64):
            batch = order[start:start + 64]
            logits = model((x[batch] - mean) / std)
            loss = loss_fn(logits, y[batch])
            optimizer.zero_grad()  # gradients from the last batch must not carry over
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(x))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Class predictions (N,) for inputs["x"] (N, 8)."""
    model.eval()  # dropout off: predictions must not be noisy
    return model((inputs["x"] - model.mean) / model.std).argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    latent = torch.randn(2000, 8, generator=g)
    labels = torch.bucketize(latent[:, :2].norm(dim=1), torch.tensor([0.76, 1.18, 1.67]))
    points = latent * torch.logspace(0, 3, 8)
    model, losses = train({"x": points, "y": labels}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
