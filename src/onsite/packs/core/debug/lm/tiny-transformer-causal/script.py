"""Train a tiny causal transformer language model on sentences of a small grammar.

The training loss looks healthy, but the model's next-symbol predictions on new
prefixes are poor. Find and fix the bugs.
Run it with `python script.py` to see the loss per epoch.
"""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB = 10


class SelfAttention(nn.Module):
    def __init__(self, d_model: int, n_heads: int):
        super().__init__()
        self.n_heads, self.d_head = n_heads, d_model // n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.out = nn.Linear(d_model, d_model)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n, t, d = x.shape
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        q, k, v = (z.reshape(n, t, self.n_heads, self.d_head).transpose(1, 2) for z in (q, k, v))
        scores = q @ k.transpose(-2, -1) / self.d_head
        blocked = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=2)
        weights = scores.masked_fill(blocked, float("-inf")).softmax(dim=-1)
        return self.out((weights @ v).reshape(n, t, d))


class Block(nn.Module):
    def __init__(self, d_model: int, n_heads: int):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(d_model), nn.LayerNorm(d_model)
        self.attn = SelfAttention(d_model, n_heads)
        self.mlp = nn.Sequential(nn.Linear(d_model, 4 * d_model), nn.GELU(), nn.Linear(4 * d_model, d_model))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class TinyLM(nn.Module):
    def __init__(self, vocab: int, d_model: int = 32, n_heads: int = 2, n_layers: int = 2,
                 max_len: int = 32):
        super().__init__()
        self.tok = nn.Embedding(vocab, d_model)
        self.pos = nn.Embedding(max_len, d_model)
        self.blocks = nn.ModuleList(Block(d_model, n_heads) for _ in range(n_layers))
        self.norm = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, vocab)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        x = self.tok(tokens) + self.pos(torch.arange(tokens.shape[1]))
        for block in self.blocks:
            x = block(x)
        return self.head(self.norm(x))  # (N, T, vocab)


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["tokens"] (N, L): predict every symbol from the ones before it."""
    torch.manual_seed(seed)
    tokens = data["tokens"]
    inputs, targets = tokens[:, :-1], tokens[:, 1:]
    model = TinyLM(VOCAB)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)
    history = []
    for _epoch in range(8):
        order = torch.randperm(len(tokens))
        total = 0.0
        for start in range(0, len(tokens), 64):
            batch = order[start:start + 64]
            logits = model(inputs[batch])
            loss = F.cross_entropy(logits.reshape(-1, VOCAB), targets[batch].reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(tokens))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """The most likely symbol after each prefix in inputs["tokens"] (N, T): shape (N,)."""
    model.eval()
    return model(inputs["tokens"])[:, -1].argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    rule = torch.randint(0, VOCAB, (VOCAB, VOCAB), generator=g)
    demo = torch.zeros(1000, 25, dtype=torch.long)
    demo[:, :2] = torch.randint(0, VOCAB, (1000, 2), generator=g)
    for t in range(2, 25):
        demo[:, t] = rule[demo[:, t - 2], demo[:, t - 1]]
    model, losses = train({"tokens": demo}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
