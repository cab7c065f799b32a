"""Train a tiny pre-LN transformer language model on counting sequences.

The loss drops in the first epoch, then stalls far above zero, and next-symbol accuracy
on held-out sequences is poor. Find and fix the bugs.
Run it with `python script.py` to see the loss per epoch.
"""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB = 12


class ClockLM(nn.Module):
    """Token and position embeddings, two pre-LN causal blocks, a final norm and a head."""

    def __init__(self, d_model: int = 32, n_heads: int = 4, n_layers: int = 2, max_len: int = 32):
        super().__init__()
        self.tok = nn.Embedding(VOCAB, d_model)
        self.pos = nn.Embedding(max_len, d_model)
        self.blocks = nn.ModuleList(
            nn.TransformerEncoderLayer(d_model, n_heads, 4 * d_model, dropout=0.0,
                                       batch_first=True, norm_first=True)
            for _ in range(n_layers))
        self.norm = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, VOCAB)

    def features(self, tokens: torch.Tensor) -> torch.Tensor:
        t = tokens.shape[1]
        x = self.tok(tokens) + self.pos(torch.arange(t))
        causal = nn.Transformer.generate_square_subsequent_mask(t)
        for block in self.blocks:
            x = block(x, src_mask=causal, is_causal=True)
        return x  # (N, T, d_model)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        with torch.no_grad():
            h = self.features(tokens)
        return self.head(self.norm(h))  # (N, T, VOCAB)


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["tokens"] (N, L): predict every symbol from the ones before it."""
    torch.manual_seed(seed)
    tokens = data["tokens"]
    inputs, targets = tokens[:, :-1], tokens[:, 1:]
    model = ClockLM()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
    history = []
    for _epoch in range(6):
        order = torch.randperm(len(tokens))
        total = 0.0
        for start in range(0, len(tokens), 64):
            batch = order[start:start + 64]
            logits = model(inputs[batch])
            loss = F.cross_entropy(logits.flatten(0, 1), targets[batch].flatten())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(tokens))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """The most likely next symbol at every position (N, T) of inputs["tokens"] (N, T)."""
    model.eval()
    return model(inputs["tokens"]).argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    start = torch.randint(0, VOCAB, (2000, 1), generator=g)
    step = torch.randint(1, 6, (2000, 1), generator=g)
    demo = (start + step * torch.arange(17)[None, :]) % VOCAB
    model, losses = train({"tokens": demo}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
