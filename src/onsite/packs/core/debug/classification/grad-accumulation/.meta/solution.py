"""Train an MLP classifier with gradient accumulation over four micro-batches.

The repaired script: each micro-batch's loss divided by the number of micro-batches,
so an update averages them, and gradients clipped after they are computed.
"""

import torch
import torch.nn.functional as F
from torch import nn

MICRO, ACCUMULATE = 16, 4  # an update sees 4 micro-batches of 16: an effective batch of 64


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["x"] (N, 16) and data["y"] (N,); return the model and the loss per epoch."""
    torch.manual_seed(seed)
    x, y = data["x"], data["y"]
    model = nn.Sequential(nn.Linear(x.shape[1], 64), nn.ReLU(), nn.Linear(64, int(y.max()) + 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    history = []
    for _epoch in range(12):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), MICRO * ACCUMULATE):
            optimizer.zero_grad()
            for micro in range(start, min(start + MICRO * ACCUMULATE, len(x)), MICRO):
                batch = order[micro:micro + MICRO]
                loss = F.cross_entropy(model(x[batch]), y[batch])
                (loss / ACCUMULATE).backward()  # average, not sum, over the micro-batches
                total += loss.item() * len(batch)
            nn.utils.clip_grad_norm_(model.parameters(), max_norm=3.0)  # after backward
            optimizer.step()
        history.append(total / len(x))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Class indices (M,) for inputs["x"] (M, 16)."""
    return model(inputs["x"]).argmax(dim=1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    points = torch.randn(3000, 16, generator=g)
    labels = (points[:, 0] > 0).long() + 2 * (points[:, 1] * points[:, 2] > 0).long()
    points[:10] *= 100.0  # a few rows in the wrong unit
    model, losses = train({"x": points, "y": labels}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
