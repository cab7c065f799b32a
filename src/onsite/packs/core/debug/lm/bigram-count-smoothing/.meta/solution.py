"""Train a neural bigram language model: embed the current symbol, score the next one.

The repaired script: the optimiser is built after the model it trains, so it updates
that model's parameters, and the loss gets log-probabilities rather than raw logits.
It reaches the grammar's ceiling of about 0.6 in a second or two.
Run it with `python solution.py` to see the loss per epoch.
"""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB = 16


class BigramLM(nn.Module):
    """Scores the next symbol from an embedding of the current one."""

    def __init__(self, vocab: int, d_emb: int = 4, log_prior: torch.Tensor | None = None):
        super().__init__()
        self.emb = nn.Embedding(vocab, d_emb)
        self.out = nn.Linear(d_emb, vocab)
        if log_prior is not None:
            with torch.no_grad():
                self.out.bias.copy_(log_prior)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.out(self.emb(tokens))  # (N, T, vocab) logits


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["tokens"] (N, L): every symbol predicts the one after it."""
    torch.manual_seed(seed)
    tokens = data["tokens"]
    inputs, targets = tokens[:, :-1], tokens[:, 1:]
    counts = torch.bincount(targets.reshape(-1), minlength=VOCAB) + 1.0  # add-one smoothing
    model = BigramLM(VOCAB, log_prior=(counts / counts.sum()).log())
    # built after the model it trains: it must hold that model's parameters
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
    history = []
    for _epoch in range(15):
        order = torch.randperm(len(tokens))
        total, count = 0.0, 0
        for start in range(0, len(tokens), 32):
            batch = order[start:start + 32]
            logits = model(inputs[batch])
            logp = F.log_softmax(logits.reshape(-1, VOCAB), dim=-1)  # nll_loss wants log-probs
            loss = F.nll_loss(logp, targets[batch].reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
            count += len(batch)
        history.append(total / count)
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """The most likely next symbol (N, T) after every position of inputs["tokens"] (N, T)."""
    model.eval()
    with torch.no_grad():
        return model(inputs["tokens"]).argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    table = torch.softmax(3 * torch.randn(VOCAB, VOCAB, generator=g), dim=1)
    demo = torch.zeros(400, 48, dtype=torch.long)
    demo[:, 0] = torch.randint(0, VOCAB, (400,), generator=g)
    for t in range(1, 48):
        demo[:, t] = torch.multinomial(table[demo[:, t - 1]], 1, generator=g).squeeze(1)
    model, losses = train({"tokens": demo}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
