"""Train a tiny vision transformer to count a glyph in 8x8 images.

The image is cut into four 4x4 patches, each patch is embedded, a learned [CLS] token
joins them, two transformer layers mix the tokens and a linear head reads the [CLS]
token. The repaired script: real 4x4 patches, and a learning rate AdamW can use.
Run it with `python script.py` to see the loss per epoch.
"""

import torch
from torch import nn

PATCH = 4


def patchify(images: torch.Tensor) -> torch.Tensor:
    """(B, 8, 8) images -> (B, 4, 16): the four 4x4 patches, each flattened row by row."""
    b, h, w = images.shape
    p = PATCH
    return images.reshape(b, h // p, p, w // p, p).permute(0, 1, 3, 2, 4).reshape(b, -1, p * p)


class TinyViT(nn.Module):
    def __init__(self, n_classes: int, dim: int = 32, n_patches: int = 4):
        super().__init__()
        self.embed = nn.Linear(PATCH * PATCH, dim)
        self.pos = nn.Parameter(0.02 * torch.randn(1, n_patches, dim))
        self.cls = nn.Parameter(0.02 * torch.randn(1, 1, dim))
        layer = nn.TransformerEncoderLayer(dim, nhead=4, dim_feedforward=64, dropout=0.0,
                                           batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=2)
        self.head = nn.Linear(dim, n_classes)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        tokens = self.embed(patchify(images)) + self.pos
        cls = self.cls.expand(len(images), -1, -1)
        hidden = self.encoder(torch.cat([cls, tokens], dim=1))  # (B, 1 + n_patches, dim)
        return self.head(hidden[:, 0])


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["x"] (N, 8, 8) and data["y"] (N,); return the model and the loss per epoch."""
    torch.manual_seed(seed)
    x, y = data["x"], data["y"]
    model = TinyViT(n_classes=5)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)  # 3e-2 wrecks it
    loss_fn = nn.CrossEntropyLoss()
    history = []
    for _epoch in range(15):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), 100):
            batch = order[start:start + 100]
            loss = loss_fn(model(x[batch]), y[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(x))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Predicted counts (M,) for inputs["x"] (M, 8, 8)."""
    model.eval()
    return model(inputs["x"]).argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    glyphs = torch.randint(0, 2, (6, 4, 4), generator=g).float() * 2 - 1
    kind = torch.randint(0, 6, (3000, 4), generator=g) * torch.randint(0, 2, (3000, 4), generator=g)
    cells = glyphs[kind].reshape(3000, 2, 2, 4, 4).permute(0, 1, 3, 2, 4).reshape(3000, 8, 8)
    images = cells + 1.1 * torch.randn(3000, 8, 8, generator=g)
    model, losses = train({"x": images, "y": (kind == 0).sum(dim=1)}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
