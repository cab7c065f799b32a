"""Train an MLP classifier with a hand-written label-smoothed cross-entropy.

The loss falls a little in the first epoch and then freezes; held-out accuracy is poor.
Find and fix the bugs. Run it with `python script.py` to see the loss per epoch.
"""

import torch
from torch import nn

EPOCHS = 30
BATCH = 50
SMOOTHING = 0.1


def smoothed_cross_entropy(logits: torch.Tensor, y: torch.Tensor, eps: float) -> torch.Tensor:
    """Cross-entropy against targets that put 1 - eps on the label and spread eps evenly."""
    n_classes = logits.shape[-1]
    log_probs = torch.log_softmax(logits, dim=-1)  # over classes, not the batch
    target = torch.full_like(log_probs, eps / n_classes)
    target.scatter_(1, y.unsqueeze(1), 1.0 - eps + eps / n_classes)
    return -(target * log_probs).sum(dim=-1).mean()


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["x"] (N, D) and data["y"] (N,); return the model and the loss per epoch."""
    torch.manual_seed(seed)
    x, y = data["x"], data["y"]
    model = nn.Sequential(
        nn.Linear(x.shape[1], 128), nn.ReLU(),
        nn.Linear(128, 128), nn.ReLU(),
        nn.Linear(128, int(y.max()) + 1),
    )
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    # Linear decay of the learning rate to zero over the run.
    scheduler = torch.optim.lr_scheduler.LinearLR(
        optimizer, start_factor=1.0, end_factor=0.0, total_iters=EPOCHS)
    history = []
    for _epoch in range(EPOCHS):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), BATCH):
            batch = order[start:start + BATCH]
            loss = smoothed_cross_entropy(model(x[batch]), y[batch], SMOOTHING)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(x))
        scheduler.step()  # once per epoch: total_iters counts epochs, not batches
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Class predictions (M,) for inputs["x"] (M, D)."""
    model.eval()
    return model(inputs["x"]).argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    centres = 1.5 * torch.randn(36, 8, generator=g)
    labels = torch.multinomial(torch.tensor([12.0, 4, 2, 1, 0.6, 0.4]), 3000, True, generator=g)
    points = centres[labels * 6 + torch.randint(0, 6, (3000,), generator=g)]
    model, losses = train({"x": points + torch.randn(3000, 8, generator=g), "y": labels}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
