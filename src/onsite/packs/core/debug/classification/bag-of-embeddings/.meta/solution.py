"""Train a bag-of-embeddings classifier for the topic and style of short texts.

The repaired script: attention weights normalised over each text's words, not over the
batch, and gradients cleared before every backward pass.
"""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, CLASSES = 81, 4  # word ids 1-80, 0 is padding


class BagClassifier(nn.Module):
    """Mean of the word embeddings plus an attention-weighted mean, then an MLP."""

    def __init__(self, d_emb: int = 32, hidden: int = 64):
        super().__init__()
        self.emb = nn.Embedding(VOCAB, d_emb)
        self.score = nn.Linear(d_emb, 1)  # how much each word should count
        self.mlp = nn.Sequential(nn.Linear(2 * d_emb, hidden), nn.ReLU(),
                                 nn.Linear(hidden, CLASSES))

    def forward(self, tokens: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        x = self.emb(tokens)  # (N, T, D)
        real = (torch.arange(tokens.shape[1])[None, :] < lengths[:, None]).float()  # (N, T)
        mean = (x * real[..., None]).sum(dim=1) / lengths[:, None]  # (N, D)
        scores = self.score(x).squeeze(-1).masked_fill(real == 0, -1e9)  # (N, T)
        weights = scores.softmax(dim=1)  # over the words of each text; dim=0 mixed texts
        attended = (weights[..., None] * x).sum(dim=1)  # (N, D)
        return self.mlp(torch.cat([mean, attended], dim=-1))


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["tokens"] (N, T), data["lengths"] (N,) and data["labels"] (N,)."""
    torch.manual_seed(seed)
    tokens, lengths, labels = data["tokens"], data["lengths"], data["labels"]
    model = BagClassifier()
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    history = []
    for _epoch in range(12):
        order = torch.randperm(len(tokens))
        total = 0.0
        for start in range(0, len(tokens), 64):
            batch = order[start:start + 64]
            loss = F.cross_entropy(model(tokens[batch], lengths[batch]), labels[batch])
            optimizer.zero_grad()  # otherwise every step adds all earlier gradients
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(tokens))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """Class indices (N,) for inputs["tokens"] (N, T) and inputs["lengths"] (N,)."""
    model.eval()
    return model(inputs["tokens"], inputs["lengths"]).argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    demo_lengths = torch.randint(5, 41, (2000,), generator=g)
    rate = torch.rand(2000, 1, generator=g) * 0.6
    words = torch.where(torch.rand(2000, 40, generator=g) < rate,
                        torch.randint(1, 25, (2000, 40), generator=g),
                        torch.randint(33, 81, (2000, 40), generator=g))
    topic = torch.randint(0, 2, (2000,), generator=g)
    words[:, 0] = 25 + 4 * topic  # the topic keyword, first for simplicity
    words[torch.arange(40)[None, :] >= demo_lengths[:, None]] = 0
    share = ((words >= 1) & (words <= 24)).sum(1) / demo_lengths
    demo = {"tokens": words, "lengths": demo_lengths, "labels": 2 * topic + (share > 0.3).long()}
    model, losses = train(demo, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
