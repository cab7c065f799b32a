"""Learn to match two views of the same item with a two-tower InfoNCE model (CLIP style).

The repaired script: both towers train (the b tower is not frozen under no_grad), and
retrieval takes the argmax over the items, not over the queries.
Run it with `python solution.py` to see the loss per epoch.
"""

import torch
import torch.nn.functional as F
from torch import nn

TEMPERATURE = 0.07


class TwoTower(nn.Module):
    def __init__(self, d_a: int, d_b: int, d_emb: int = 32):
        super().__init__()
        self.tower_a = nn.Sequential(nn.Linear(d_a, 128), nn.ReLU(), nn.Linear(128, d_emb))
        self.tower_b = nn.Sequential(nn.Linear(d_b, 128), nn.ReLU(), nn.Linear(128, d_emb))

    def embed_a(self, a: torch.Tensor) -> torch.Tensor:
        return F.normalize(self.tower_a(a), dim=-1)

    def embed_b(self, b: torch.Tensor) -> torch.Tensor:
        return F.normalize(self.tower_b(b), dim=-1)


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on aligned views data["a"] (N, Da) and data["b"] (N, Db): row i of each is one item."""
    torch.manual_seed(seed)
    a, b = data["a"], data["b"]
    model = TwoTower(a.shape[1], b.shape[1])
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    history = []
    for _epoch in range(30):
        order = torch.randperm(len(a))
        total = 0.0
        for start in range(0, len(a), 256):
            batch = order[start:start + 256]
            queries = model.embed_a(a[batch])
            # the b tower must learn too: no no_grad around it (nothing else ever updates it)
            keys = model.embed_b(b[batch])
            logits = queries @ keys.T / TEMPERATURE  # (B, B): row i's positive is column i
            targets = torch.arange(len(batch))
            loss = (F.cross_entropy(logits, targets) + F.cross_entropy(logits.T, targets)) / 2
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(a))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """For each query inputs["a"][i], the row of inputs["b"] that holds its pair (M,)."""
    model.eval()
    similarity = model.embed_a(inputs["a"]) @ model.embed_b(inputs["b"]).T  # (queries, items)
    return similarity.argmax(dim=1)  # over the items (dim 1), one answer per query


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    latent = torch.randn(4000, 8, generator=g)
    noise = 0.15 * torch.randn(4000, 28, generator=g)
    view_a = torch.tanh(latent @ torch.randn(8, 16, generator=g)) + noise[:, :16]
    view_b = latent @ torch.randn(8, 12, generator=g) / 3 + noise[:, 16:]
    model, losses = train({"a": view_a, "b": view_b}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
    found = predict(model, {"a": view_a[:500], "b": view_b[:500]})
    print(f"retrieval on 500 training pairs: {(found == torch.arange(500)).float().mean():.1%}")
