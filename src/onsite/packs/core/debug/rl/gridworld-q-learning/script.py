"""Tabular Q-learning with a replay buffer and a target table on a small gridworld.

Each cell of the grid has a cost; the agent should learn the cheapest route to the
goal from every cell. The TD loss never falls and the greedy policy is no better than
always moving the same way. Run it with `python script.py` to see the loss per epoch.
"""

import copy

import torch
from torch import nn

GAMMA = 0.9
MOVES = torch.tensor([[-1, 0], [1, 0], [0, -1], [0, 1]])  # up, down, left, right


def step(costs: torch.Tensor, goal: int, state: torch.Tensor, action: torch.Tensor):
    """Move a batch of walkers; return the next cells, the rewards and the done flags."""
    height, width = costs.shape
    row = (state // width + MOVES[action, 0]).clamp(0, height - 1)
    col = (state % width + MOVES[action, 1]).clamp(0, width - 1)
    nxt = row * width + col
    done = nxt == goal
    reward = torch.where(done, torch.ones(()), -costs.reshape(-1)[nxt])
    return nxt, reward, done


def collect(costs: torch.Tensor, goal: int, walkers: int, steps: int) -> dict:
    """Random-action rollouts; walkers that reach the goal restart at a random cell."""
    cells = costs.numel()
    state = torch.randint(cells, (walkers,))
    reward = torch.zeros(walkers)
    record = {"state": [], "action": [], "reward": [], "next": [], "done": []}
    for _ in range(steps):
        action = torch.randint(4, (walkers,))
        record["state"].append(state)
        record["action"].append(action)
        record["reward"].append(reward)
        nxt, reward, done = step(costs, goal, state, action)
        record["next"].append(nxt)
        record["done"].append(done.float())
        state = torch.where(done, torch.randint(cells, (walkers,)), nxt)
    return {key: torch.cat(values) for key, values in record.items()}


def train(data: dict, seed: int) -> tuple[nn.Module, list[float]]:
    """Learn Q on the grid data["costs"] (H, W) with goal data["goal"]; return Q and the losses."""
    torch.manual_seed(seed)
    costs, goal = data["costs"].float(), int(data["goal"])
    q = nn.Embedding(costs.numel(), 4)
    nn.init.zeros_(q.weight)
    target = copy.deepcopy(q)
    optimizer = torch.optim.SGD(q.parameters(), lr=0.3)
    buffer = {key: torch.empty(0) for key in ("state", "action", "reward", "next", "done")}
    history = []
    for _epoch in range(40):
        fresh = collect(costs, goal, walkers=64, steps=10)
        buffer = {key: torch.cat([buffer[key], fresh[key].to(buffer[key].dtype)]) for key in buffer}
        total = 0.0
        for update in range(100):
            idx = torch.randint(len(buffer["state"]), (128,))
            s, a = buffer["state"][idx].long(), buffer["action"][idx].long()
            r, s2, done = buffer["reward"][idx], buffer["next"][idx].long(), buffer["done"][idx]
            q_sa = q(s).gather(1, a[:, None]).squeeze(1)
            with torch.no_grad():
                td_target = r + GAMMA * (1 - done) * target(s2).max(dim=1).values
            loss = 0.5 * ((q_sa - td_target) ** 2).sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if update % 10 == 9:
                q.load_state_dict(target.state_dict())
            total += loss.item() / len(idx)
        history.append(total / 100)
    return q, history


def predict(q: nn.Module, inputs: dict) -> torch.Tensor:
    """The greedy action (M,) for each cell index in inputs["state"] (M,)."""
    return q(inputs["state"].long()).argmax(dim=-1)


if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    grid_costs = 0.05 + 0.55 * torch.rand(8, 8, generator=g)
    q_table, losses = train({"costs": grid_costs, "goal": torch.tensor(27)}, seed=0)
    for epoch, value in enumerate(losses):
        print(f"epoch {epoch:2d}  loss {value:.4f}")
    arrows = "^v<>"
    greedy = predict(q_table, {"state": torch.arange(64)}).reshape(8, 8)
    for row in greedy:
        print(" ".join(arrows[int(a)] for a in row))
