"""Train an MLP classifier on noisy labels, with early stopping on a validation split.

The labels are noisy, so a wide MLP trained for long enough memorises them. The script
holds out a fifth of the training data, keeps the weights of the epoch with the best
validation accuracy and stops once that has not improved for a while. Held-out accuracy
is still poor. Find and fix the bugs. Run it with `python script.py` to see the loss
per epoch.
"""

import torch
from torch import nn

MAX_EPOCHS = 100
PATIENCE = 25


def build_model(d_in: int, n_classes: int) -> nn.Module:
    return nn.Sequential(nn.Linear(d_in, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(),
                         nn.Linear(256, n_classes))


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["x"] (N, 8) and data["y"] (N,); return the best model and the loss per epoch."""
    torch.manual_seed(seed)
    x, y = data["x"], data["y"]
    n_val = len(x) // 5
    order = torch.randperm(len(x))
    val_idx, train_idx = order[:n_val], order[:-n_val]
    x_tr, y_tr, x_val, y_val = x[train_idx], y[train_idx], x[val_idx], y[val_idx]
    model = build_model(x.shape[1], int(y.max()) + 1)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
    loss_fn = nn.CrossEntropyLoss()
    best_acc, best_state, stale, history = -1.0, None, 0, []
    for _epoch in range(MAX_EPOCHS):
        model.train()
        perm = torch.randperm(len(x_tr))
        total = 0.0
        for start in range(0, len(x_tr), 64):
            batch = perm[start:start + 64]
            loss = loss_fn(model(x_tr[batch]), y_tr[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(x_tr))
        model.eval()
        with torch.no_grad():
            val_acc = (model(x_val).argmax(dim=-1) == y_val).float().mean().item()
        if val_acc > best_acc:
            best_acc, stale = val_acc, 0
            best_state = model.state_dict()
        else:
            stale += 1
            if stale >= PATIENCE:
                break
    model.load_state_dict(best_state)
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Class predictions (N,) for inputs["x"] (N, 8)."""
    model.eval()
    with torch.no_grad():
        return model(inputs["x"]).argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    points = torch.randn(2500, 8, generator=g)
    turn = torch.atan2(points[:, 1], points[:, 0]) + 0.7 * points[:, :2].norm(dim=1)
    labels = (turn.remainder(2 * torch.pi) / (2 * torch.pi / 3)).long().clamp(max=2)
    flip = torch.rand(2500, generator=g) < 0.3
    labels = torch.where(flip, torch.randint(0, 3, (2500,), generator=g), labels)
    model, losses = train({"x": points, "y": labels}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
