"""Fine-tune a small policy with DPO on synthetic preference pairs.

Each prompt is a vector and the policy picks one of 12 candidate responses. Labellers
compared two responses per prompt; DPO should make the policy's implicit reward agree
with them. The loss sits at ln 2 and the policy never moves. Find and fix the bugs.
Run it with `python script.py` to see the loss per epoch.
"""

import torch
import torch.nn.functional as F
from torch import nn

BETA = 0.1  # strength of the pull towards the reference policy
RESPONSES = 12


class Policy(nn.Module):
    """log pi(y | x) over the candidate responses y for each prompt x."""

    def __init__(self, d_in: int, n_responses: int):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, 64), nn.Tanh(), nn.Linear(64, n_responses))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.log_softmax(self.net(x), dim=-1)


def dpo_loss(chosen_logratio: torch.Tensor, rejected_logratio: torch.Tensor) -> torch.Tensor:
    """DPO: -log sigmoid(beta * (chosen - rejected)); a log-ratio is log pi - log pi_ref."""
    return -F.logsigmoid(BETA * (chosen_logratio - rejected_logratio)).mean()


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Fit on prompts data["x"] (N, D) with preferred data["chosen"] over data["rejected"] (N,)."""
    torch.manual_seed(seed)
    x, chosen, rejected = data["x"], data["chosen"], data["rejected"]
    policy = Policy(x.shape[1], RESPONSES)
    reference = policy  # the starting policy, kept as the anchor of the implicit reward
    optimizer = torch.optim.Adam(policy.parameters(), lr=1e-2)
    history = []
    for _epoch in range(20):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), 64):
            batch = order[start:start + 64]
            logratio = policy(x[batch]) - reference(x[batch])
            chosen_logratio = logratio.gather(1, chosen[batch, None]).squeeze(1)
            rejected_logratio = logratio.gather(1, rejected[batch, None]).squeeze(1)
            loss = dpo_loss(rejected_logratio, chosen_logratio)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(x))
    return nn.ModuleDict({"policy": policy, "reference": reference}), history


def predict(model: nn.Module, inputs: dict) -> torch.Tensor:
    """1 where the implicit reward prefers response inputs["a"] to inputs["b"] (M,), else 0."""
    x, a, b = inputs["x"], inputs["a"], inputs["b"]
    reward = BETA * (model["policy"](x) - model["reference"](x))
    return (reward.gather(1, a[:, None]) > reward.gather(1, b[:, None])).squeeze(1).long()


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    hidden = torch.randn(RESPONSES, 8, generator=g)
    prompts = torch.randn(3000, 8, generator=g)
    first = torch.randint(RESPONSES, (3000,), generator=g)
    second = (first + torch.randint(1, RESPONSES, (3000,), generator=g)) % RESPONSES
    scores = prompts @ hidden.T
    gap = scores.gather(1, first[:, None]) - scores.gather(1, second[:, None])
    wins = (torch.rand(3000, 1, generator=g) < torch.sigmoid(gap)).squeeze(1)
    pairs = {"x": prompts, "chosen": torch.where(wins, first, second),
             "rejected": torch.where(wins, second, first)}
    model, losses = train(pairs, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
