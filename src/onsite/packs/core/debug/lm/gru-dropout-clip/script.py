"""Train a GRU language model with dropout on sentences of a small grammar.

The loss jumps around and then blows up, and held-out accuracy is poor. Find and fix
the bugs. Run it with `python script.py` to see the loss per epoch.
"""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB = 12


class GRULM(nn.Module):
    def __init__(self, vocab: int, d_emb: int = 32, hidden: int = 64, p_drop: float = 0.3):
        super().__init__()
        self.emb = nn.Embedding(vocab, d_emb)
        self.gru = nn.GRU(d_emb, hidden, batch_first=True)
        self.drop = nn.Dropout(p_drop)
        self.head = nn.Linear(hidden, vocab)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        states, _ = self.gru(self.drop(self.emb(tokens)))
        return self.head(self.drop(states))  # (N, T, vocab)


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["tokens"] (N, L): predict every symbol from the ones before it."""
    torch.manual_seed(seed)
    tokens = data["tokens"]
    inputs, targets = tokens[:, :-1], tokens[:, 1:]
    model = GRULM(VOCAB)
    # plain SGD with a large step and gradient clipping, the classic recipe for RNN LMs
    optimizer = torch.optim.SGD(model.parameters(), lr=10.0)
    history = []
    for _epoch in range(6):
        order = torch.randperm(len(tokens))
        total, count = 0.0, 0
        for start in range(0, len(tokens), 50):
            batch = order[start:start + 50]
            logits = model(inputs[batch])
            loss = F.cross_entropy(logits.flatten(0, 1), targets[batch].flatten(), reduction="sum")
            optimizer.zero_grad()
            nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.5)
            loss.backward()
            optimizer.step()
            total += loss.item()
            count += targets[batch].numel()
        history.append(total / count)
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """The most likely next symbol at every position (N, T) of inputs["tokens"] (N, T)."""
    return model(inputs["tokens"]).argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    rule = torch.randint(0, VOCAB, (VOCAB, VOCAB), generator=g)
    demo = torch.zeros(1000, 21, dtype=torch.long)
    demo[:, :2] = torch.randint(0, VOCAB, (1000, 2), generator=g)
    for t in range(2, 21):
        demo[:, t] = rule[demo[:, t - 2], demo[:, t - 1]]
    model, losses = train({"tokens": demo}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
