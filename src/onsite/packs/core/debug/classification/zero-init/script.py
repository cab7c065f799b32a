"""Train an MLP to sort twelve-dimensional points into five classes.

The loss flattens after the first epoch and the model predicts a single class.
Find and fix the bugs. Run it with `python script.py` to see the loss per epoch.
"""

import torch
import torch.nn.functional as F
from torch import nn

# The export numbers the classes with codes 11 to 15; the model and the judge use 0 to 4.
CLASS_OF_CODE = {11: 0, 12: 1, 13: 2, 14: 2, 15: 4}


def build_model(d_in: int, n_classes: int) -> nn.Module:
    model = nn.Sequential(nn.Linear(d_in, 64), nn.ReLU(), nn.Linear(64, n_classes))
    for layer in model:
        if isinstance(layer, nn.Linear):  # start from zeros so that every run is identical
            nn.init.zeros_(layer.weight)
            nn.init.zeros_(layer.bias)
    return model


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["x"] (N, 12) and data["code"] (N,) export codes; return model and losses."""
    torch.manual_seed(seed)
    x = data["x"]
    y = torch.tensor([CLASS_OF_CODE[int(code)] for code in data["code"]])
    model = build_model(x.shape[1], len(CLASS_OF_CODE))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
    history = []
    for _epoch in range(15):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), 64):
            batch = order[start:start + 64]
            loss = F.cross_entropy(model(x[batch]), y[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(x))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Class indices (M,) in 0..4 for inputs["x"] (M, 12)."""
    return model(inputs["x"]).argmax(dim=1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    classes = torch.randint(0, 5, (3000,), generator=g)
    points = 2.0 * torch.randn(5, 12, generator=g)[classes] + torch.randn(3000, 12, generator=g)
    model, losses = train({"x": points, "code": classes + 11}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
