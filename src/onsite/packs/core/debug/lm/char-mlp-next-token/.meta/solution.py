"""Train a character-level MLP language model on sentences of a small grammar.

The repaired script: targets shifted one step, padded positions left out of the loss,
and a learning rate that trains in a few epochs.
"""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB = 10


class TrigramMLP(nn.Module):
    """Embeds the previous and the current symbol and scores the next one."""

    def __init__(self, vocab: int, d_emb: int = 16, hidden: int = 128):
        super().__init__()
        self.start = vocab  # an extra id standing for "before the sentence"
        self.emb = nn.Embedding(vocab + 1, d_emb)
        self.net = nn.Sequential(nn.Linear(2 * d_emb, hidden), nn.ReLU(), nn.Linear(hidden, vocab))

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        before = torch.cat([torch.full_like(tokens[:, :1], self.start), tokens[:, :-1]], dim=1)
        features = torch.cat([self.emb(before), self.emb(tokens)], dim=-1)
        return self.net(features)  # (N, T, vocab)


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["tokens"] (N, L) padded with 0 and data["lengths"] (N,)."""
    torch.manual_seed(seed)
    tokens, lengths = data["tokens"], data["lengths"]  # lengths mark where padding starts
    inputs = tokens[:, :-1]
    targets = tokens[:, 1:]  # the target at t is the symbol at t + 1, not the input itself
    # 0 pads the sentences but is also a real symbol: mask by length, not by id.
    real = (torch.arange(targets.shape[1])[None, :] < lengths[:, None] - 1).float()
    model = TrigramMLP(VOCAB)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)  # 0.002 barely moves in 8 epochs
    history = []
    for _epoch in range(8):
        order = torch.randperm(len(tokens))
        total, count = 0.0, 0
        for start in range(0, len(tokens), 64):
            batch = order[start:start + 64]
            logits = model(inputs[batch])
            per_token = F.cross_entropy(logits.reshape(-1, VOCAB), targets[batch].reshape(-1),
                                        reduction="none")
            # average over real positions only: padding must not be a target
            loss = (per_token * real[batch].reshape(-1)).sum() / real[batch].sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
            count += len(batch)
        history.append(total / count)
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """The most likely next symbol at every position (N, T) of inputs["tokens"] (N, T)."""
    model.eval()
    return model(inputs["tokens"]).argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    rule = torch.randint(0, VOCAB, (VOCAB, VOCAB), generator=g)
    demo = torch.zeros(1000, 20, dtype=torch.long)
    demo[:, :2] = torch.randint(0, VOCAB, (1000, 2), generator=g)
    for t in range(2, 20):
        demo[:, t] = rule[demo[:, t - 2], demo[:, t - 1]]
    demo_lengths = torch.randint(5, 21, (1000,), generator=g)
    demo[torch.arange(20)[None, :] >= demo_lengths[:, None]] = 0
    model, losses = train({"tokens": demo, "lengths": demo_lengths}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
