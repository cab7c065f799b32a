"""Train a one-layer, two-head attention model to recall the value stored under a key.

Each sequence lists key-value pairs and ends with one of its keys; the model must name
the value that followed that key. The loss falls, but held-out accuracy is close to
chance. Find and fix the bugs. Run it with `python script.py` to see the loss per epoch.
"""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB = 48  # keys are 0-23, values 24-47


class RecallAttention(nn.Module):
    """Token and previous-token embeddings, one multi-head attention layer, a readout."""

    def __init__(self, vocab: int, d_model: int = 64, n_heads: int = 2):
        super().__init__()
        self.n_heads, self.d_head = n_heads, d_model // n_heads
        self.start = vocab  # the "previous token" of the first position
        self.tok = nn.Embedding(vocab, d_model)
        self.prev = nn.Embedding(vocab + 1, d_model)
        self.q, self.k, self.v = (nn.Linear(d_model, d_model) for _ in range(3))
        self.out = nn.Linear(d_model, d_model)
        self.norm = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, vocab)

    def split(self, z: torch.Tensor) -> torch.Tensor:
        n, t, _ = z.shape
        return z.view(n, self.n_heads, t, self.d_head)  # (N, H, T, Dh)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        n, t = tokens.shape
        before = torch.cat([torch.full_like(tokens[:, :1], self.start), tokens[:, :-1]], dim=1)
        x = self.tok(tokens) + self.prev(before)  # each position also sees the token before it
        q, k, v = self.split(self.q(x)), self.split(self.k(x)), self.split(self.v(x))
        scores = q @ k.transpose(-2, -1) / self.d_head  # (N, H, T, T)
        mixed = (scores.softmax(dim=-1) @ v).transpose(1, 2).reshape(n, t, -1)  # (N, T, D)
        x = x + self.out(mixed)
        return self.head(self.norm(x[:, -1]))  # (N, vocab): the symbol after the prefix


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["tokens"] (N, T) and data["targets"] (N,); return the loss per epoch."""
    torch.manual_seed(seed)
    tokens, targets = data["tokens"], data["targets"]
    model = RecallAttention(VOCAB)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    history = []
    for _epoch in range(4):
        order = torch.randperm(len(tokens))
        total = 0.0
        for start in range(0, len(tokens), 64):
            batch = order[start:start + 64]
            loss = F.cross_entropy(model(tokens[batch]), targets[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(tokens))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """The value recalled for the query that ends each row of inputs["tokens"] (N, T): (N,)."""
    model.eval()
    return model(inputs["tokens"]).argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    keys = torch.rand(2000, 24, generator=g).argsort(dim=1)[:, :12]
    values = torch.randint(24, 48, (2000, 12), generator=g)
    pick = torch.randint(0, 12, (2000,), generator=g)
    rows = torch.arange(2000)
    demo = torch.cat([torch.stack([keys, values], dim=2).reshape(2000, 24),
                      keys[rows, pick][:, None]], dim=1)
    model, losses = train({"tokens": demo, "targets": values[rows, pick]}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
