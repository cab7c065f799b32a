"""Train a contextual-bandit policy with REINFORCE and a learned baseline.

The repaired script: the log-probabilities keep their gradient, the policy loss has the
minus sign of gradient ascent, and the learning rate is small enough to keep exploring.
"""

import torch
from torch import nn


class Agent(nn.Module):
    def __init__(self, d_in: int, n_arms: int):
        super().__init__()
        self.policy = nn.Sequential(nn.Linear(d_in, 64), nn.Tanh(), nn.Linear(64, n_arms))
        self.baseline = nn.Sequential(nn.Linear(d_in, 64), nn.Tanh(), nn.Linear(64, 1))


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Learn from data["x"] (N, D) contexts and data["rewards"] (N, K), the reward each arm would pay."""
    torch.manual_seed(seed)
    x, rewards = data["x"], data["rewards"]
    agent = Agent(x.shape[1], rewards.shape[1])
    # 0.3 made the policy greedy within a few steps, so it stopped exploring.
    optimizer = torch.optim.Adam(agent.parameters(), lr=0.01)
    history = []
    for _epoch in range(30):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), 100):
            batch = order[start:start + 100]
            contexts = x[batch]
            # The log-probability must carry gradient into the policy: no no_grad here.
            dist = torch.distributions.Categorical(logits=agent.policy(contexts))
            arms = dist.sample()
            log_prob = dist.log_prob(arms)
            reward = rewards[batch, arms]
            value = agent.baseline(contexts).squeeze(-1)
            advantage = reward - value.detach()
            # Gradient ascent on expected reward = descent on minus advantage * log-prob.
            policy_loss = -(advantage * log_prob).mean()
            value_loss = ((value - reward) ** 2).mean()
            loss = policy_loss + value_loss
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history.append(total / len(x))
    return agent, history


def predict(agent: nn.Module, inputs: dict) -> torch.Tensor:
    """The arm (M,) the trained policy pulls for each context in inputs["x"] (M, D)."""
    return agent.policy(inputs["x"]).argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    centres = 1.5 * torch.randn(4, 6, generator=g)
    contexts = torch.randn(3000, 6, generator=g)
    best = torch.cdist(contexts, centres).argmin(dim=1)
    pay = torch.full((3000, 4), 0.2)
    pay[torch.arange(3000), best] = 0.8
    agent, losses = train({"x": contexts, "rewards": torch.bernoulli(pay, generator=g)}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
    chosen = predict(agent, {"x": contexts})
    print(f"greedy arm is the best arm for {(chosen == best).float().mean():.1%} of contexts")
