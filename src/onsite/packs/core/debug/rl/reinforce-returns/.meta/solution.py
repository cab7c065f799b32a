"""Train a policy with REINFORCE to walk a corridor towards the better exit.

The repaired script: returns are accumulated backwards in time, from the end of the
episode, and the log-probabilities are normalised over the actions, not over time.
The policy learns which exit to head for from every cell.
Run it with `python solution.py` to see the loss per epoch.
"""

import torch
import torch.nn.functional as F
from torch import nn

GAMMA, HORIZON = 0.9, 30


def rollout(policy: nn.Module, rewards: torch.Tensor, state: torch.Tensor) -> dict:
    """Run a batch of episodes from the cells `state`; every field comes back as (T, B)."""
    cells = len(rewards)
    alive = torch.ones(len(state), dtype=torch.bool)
    trace = {"state": [], "action": [], "reward": [], "alive": []}
    for _ in range(HORIZON):
        with torch.no_grad():  # acting only samples; the loss recomputes the log-probs
            action = torch.multinomial(F.softmax(policy(state), dim=-1), 1).squeeze(1)
        nxt = (state + 2 * action - 1).clamp(0, cells - 1)
        for key, value in (("state", state), ("action", action),
                           ("reward", rewards[nxt] * alive), ("alive", alive.float())):
            trace[key].append(value)
        alive = alive & (nxt > 0) & (nxt < cells - 1)
        state = torch.where(alive, nxt, state)
    return {key: torch.stack(values) for key, values in trace.items()}


def discounted_returns(rewards: torch.Tensor) -> torch.Tensor:
    """G_t = r_t + GAMMA * G_(t+1) for every step of rewards (T, B)."""
    returns = torch.zeros_like(rewards)
    running = torch.zeros(rewards.shape[1])
    for t in reversed(range(len(rewards))):  # from the last step back: G_t needs G_(t+1)
        running = rewards[t] + GAMMA * running
        returns[t] = running
    return returns


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Learn a policy for the corridor data["rewards"] (C,); return it and the loss per epoch."""
    torch.manual_seed(seed)
    rewards = data["rewards"].float()
    policy = nn.Embedding(len(rewards), 2)  # a table of action logits, one row per cell
    nn.init.zeros_(policy.weight)
    optimizer = torch.optim.Adam(policy.parameters(), lr=0.1)
    history = []
    for _epoch in range(40):
        total = 0.0
        for _ in range(10):
            starts = torch.randint(1, len(rewards) - 1, (64,))
            episodes = rollout(policy, rewards, starts)
            returns, mask = discounted_returns(episodes["reward"]), episodes["alive"]
            advantage = returns - (returns * mask).sum() / mask.sum()
            log_probs = F.log_softmax(policy(episodes["state"]), dim=-1)  # over the 2 actions
            taken = log_probs.gather(-1, episodes["action"][..., None]).squeeze(-1)
            loss = -(advantage * taken * mask).sum() / mask.sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item()
        history.append(total / 10)
    return policy, history


def predict(policy: nn.Module, inputs: dict) -> torch.Tensor:
    """The greedy action (M,) (0 left, 1 right) for each cell in inputs["state"] (M,)."""
    return policy(inputs["state"]).argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    corridor = -0.1 * torch.rand(20, generator=g)
    corridor[0], corridor[-1] = 2.0, 1.5
    policy, losses = train({"rewards": corridor}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
    print("greedy:", "".join("<>"[int(a)] for a in predict(policy, {"state": torch.arange(1, 19)})))
