"""Train a small CNN to tell the orientation of stripes in 16 x 16 colour images.

The repaired script: channels moved with permute, an augmentation that keeps the label
(a 180-degree turn, not a mirror), and the model in eval mode when it predicts.
"""

import torch
import torch.nn.functional as F
from torch import nn


class StripeNet(nn.Module):
    """Two conv blocks with batch norm, global average pooling and a dropout head."""

    def __init__(self, n_classes: int = 4):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.head = nn.Sequential(nn.Dropout(0.5), nn.Linear(16, n_classes))

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(images).mean(dim=(2, 3)))  # (N, n_classes)


def to_nchw(images: torch.Tensor) -> torch.Tensor:
    """(N, H, W, C) as stored on disk -> (N, C, H, W) as Conv2d expects."""
    return images.permute(0, 3, 1, 2)  # a view() would keep the memory order and mix channels


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["images"] (N, 16, 16, 3) and data["y"] (N,); return the model and losses."""
    torch.manual_seed(seed)
    images, y = to_nchw(data["images"]), data["y"]
    model = StripeNet()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
    history = []
    for _epoch in range(12):
        model.train()
        order = torch.randperm(len(y))
        total = 0.0
        for start in range(0, len(y), 64):
            batch = order[start:start + 64]
            batch_images = images[batch]
            flip = torch.rand(len(batch)) < 0.5  # augment: turn half the batch by 180 degrees
            flipped = batch_images.flip(2, 3)  # not flip(3): a mirror swaps the two diagonals
            batch_images = torch.where(flip[:, None, None, None], flipped, batch_images)
            logits = model(batch_images)
            loss = F.cross_entropy(logits, y[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(y))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Class indices (M,) for inputs["images"] (M, 16, 16, 3)."""
    model.eval()  # batch norm uses its running statistics, dropout is off
    return model(to_nchw(inputs["images"])).argmax(dim=1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    labels = torch.randint(0, 2, (1000,), generator=g)
    grid = torch.arange(16.0)
    waves = torch.sin(grid[None, :] * 1.2 + torch.rand(1000, 1, 1, generator=g) * 6.3)
    stripes = torch.where(labels[:, None, None] == 0, waves, waves.transpose(1, 2))
    noise = torch.randn(1000, 16, 16, 3, generator=g)
    pictures = stripes[..., None].expand(-1, -1, -1, 3) + noise  # channels last, like the data
    model, losses = train({"images": pictures, "y": labels}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
