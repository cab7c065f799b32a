"""Train a Bradley-Terry reward model on pairs of preferred and rejected responses.

The repaired script: chosen and rejected are shuffled with one permutation, so every
pair stays together, and both rewards have shape (B,), so the difference is per pair.
Run it with `python solution.py` to see the loss per epoch.
"""

import torch
import torch.nn.functional as F
from torch import nn


class RewardModel(nn.Module):
    """Maps a response's features (N, D) to a scalar reward per response."""

    def __init__(self, d_in: int, hidden: int = 64):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on data["chosen"] (N, D) preferred over data["rejected"] (N, D), row by row."""
    torch.manual_seed(seed)
    chosen, rejected = data["chosen"], data["rejected"]
    model = RewardModel(chosen.shape[1])
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    history = []
    for _epoch in range(20):
        order = torch.randperm(len(chosen))  # one permutation for both: pairs stay aligned
        chosen, rejected = chosen[order], rejected[order]
        total = 0.0
        for start in range(0, len(chosen), 64):
            reward_chosen = model(chosen[start:start + 64]).squeeze(-1)  # (B,), like rejected
            reward_rejected = model(rejected[start:start + 64]).squeeze(-1)
            # Bradley-Terry: P(chosen preferred) = sigmoid(reward_chosen - reward_rejected)
            loss = -F.logsigmoid(reward_chosen - reward_rejected).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(reward_rejected)
        history.append(total / len(chosen))
    return model, history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """1 where response inputs["a"] gets a higher reward than inputs["b"] (M, D), else 0."""
    return (model(inputs["a"]) > model(inputs["b"])).squeeze(-1).long()


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    direction = torch.nn.functional.normalize(torch.randn(16, generator=g), dim=0)
    drafts = 3 * torch.randn(3000, 16, generator=g)
    one = drafts + 0.5 * torch.randn(3000, 16, generator=g)
    two = drafts + 0.5 * torch.randn(3000, 16, generator=g)
    gap = (one - two) @ direction[:, None]
    one_wins = torch.rand(3000, 1, generator=g) < torch.sigmoid(4 * gap)
    pairs = {"chosen": torch.where(one_wins, one, two), "rejected": torch.where(one_wins, two, one)}
    model, losses = train(pairs, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
