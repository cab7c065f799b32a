"""Train an MLP to predict six independent tags for each example (multi-label).

The loss behaves strangely and held-out tag accuracy is no better than guessing. Find
and fix the bugs. Run it with `python script.py` to see the loss per epoch.
"""

import torch
from torch import nn


def build_model(d_in: int, n_tags: int) -> nn.Module:
    return nn.Sequential(nn.Linear(d_in, 128), nn.ReLU(), nn.Linear(128, n_tags))


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["x"] (N, 24) and data["tags"] (N, 6) in {0, 1}; return model and losses."""
    torch.manual_seed(seed)
    x, tags = data["x"], data["tags"].float()
    model = build_model(x.shape[1], tags.shape[1])
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.BCEWithLogitsLoss()
    history = []
    for _epoch in range(20):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), 64):
            batch = order[start:start + 64]
            probs = torch.sigmoid(model(x[batch]))
            loss = loss_fn(tags[batch], probs)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(x))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Tags (M, 6) in {0, 1} for inputs["x"] (M, 24): a tag is on when its probability > 0.5."""
    return (torch.sigmoid(model(inputs["x"])) > 0.5).long()


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    features = torch.randn(3000, 24, generator=g)
    tags = (features[:, :6] + features[:, 6:12] * features[:, 12:18] > 0).long()
    model, losses = train({"x": features, "tags": tags}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
