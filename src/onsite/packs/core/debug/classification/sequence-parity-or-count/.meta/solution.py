"""Train a GRU to count how often the pattern "1 then 2" occurs in a sequence.

The repaired script: the count is read at each sequence's last real step, not after
its padding, and predictions are (N,) like the targets, so the loss does not broadcast.
"""

import torch
from torch import nn


class PatternCounter(nn.Module):
    """Embed the symbols, run a GRU over the sequence, read the count off its final state."""

    def __init__(self, d_emb: int = 16, hidden: int = 32):
        super().__init__()
        self.emb = nn.Embedding(5, d_emb)  # symbols 1-4, 0 is padding
        self.gru = nn.GRU(d_emb, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, tokens: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        states, _ = self.gru(self.emb(tokens))  # (N, T, hidden)
        final = states[torch.arange(len(tokens)), lengths - 1]  # last real step, not padding
        return self.head(final)  # the predicted count


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["tokens"] (N, T), data["lengths"] (N,) and data["counts"] (N,)."""
    torch.manual_seed(seed)
    tokens, lengths, counts = data["tokens"], data["lengths"], data["counts"].float()
    model = PatternCounter()
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    history = []
    for _epoch in range(5):
        order = torch.randperm(len(tokens))
        total = 0.0
        for start in range(0, len(tokens), 64):
            batch = order[start:start + 64]
            predicted = model(tokens[batch], lengths[batch])
            # (N, 1) - (N,) broadcasts to (N, N): squeeze so each count meets its own target
            loss = ((predicted.squeeze(-1) - counts[batch]) ** 2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(tokens))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Predicted counts (N,) for inputs["tokens"] (N, T) and inputs["lengths"] (N,)."""
    model.eval()
    return model(inputs["tokens"], inputs["lengths"]).reshape(-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    demo_lengths = torch.randint(4, 31, (2000,), generator=g)
    demo = torch.randint(1, 5, (2000, 30), generator=g)
    demo[torch.arange(30)[None, :] >= demo_lengths[:, None]] = 0
    demo_counts = ((demo[:, :-1] == 1) & (demo[:, 1:] == 2)).sum(dim=1)
    model, losses = train({"tokens": demo, "lengths": demo_lengths, "counts": demo_counts}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
