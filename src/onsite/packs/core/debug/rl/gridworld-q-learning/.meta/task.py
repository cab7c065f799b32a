"""Data for debug/rl/gridworld-q-learning: an 8x8 gridworld with a cost per cell.

Cells are numbered row * 8 + col. Four actions: 0 up, 1 down, 2 left, 3 right; a move off
the grid leaves the agent where it is. Entering a cell costs that cell's cost (a reward of
minus the cost); entering the goal pays +1 and ends the episode. Costs (0.05 to 0.6) and
the goal cell are drawn per seed, so every seed has its own optimal routes. The held-out
target of a state is its optimal action under discount 0.9, computed here by value
iteration; states whose two best actions are nearly tied (within 0.02) are left out.
"""

import torch

SIZE, GAMMA = 8, 0.9
MOVES = torch.tensor([[-1, 0], [1, 0], [0, -1], [0, 1]])


def _successors() -> torch.Tensor:
    """(cells, 4) cell reached from each cell by each action."""
    rows, cols = torch.meshgrid(torch.arange(SIZE), torch.arange(SIZE), indexing="ij")
    rows, cols = rows.reshape(-1, 1), cols.reshape(-1, 1)
    r = (rows + MOVES[:, 0]).clamp(0, SIZE - 1)
    c = (cols + MOVES[:, 1]).clamp(0, SIZE - 1)
    return r * SIZE + c


def optimal_q(costs: torch.Tensor, goal: int) -> torch.Tensor:
    """Q*(s, a) by value iteration, in float64."""
    nxt = _successors()
    reward = -costs.reshape(-1).double()[nxt]
    reward[nxt == goal] = 1.0
    terminal = (nxt == goal).double()
    v = torch.zeros(SIZE * SIZE, dtype=torch.float64)
    for _ in range(500):
        q = reward + GAMMA * (1 - terminal) * v[nxt]
        v = q.max(dim=1).values
    return q


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(47_000 + seed)
    costs = 0.05 + 0.55 * torch.rand(SIZE, SIZE, generator=g)
    goal = int(torch.randint(SIZE * SIZE, (1,), generator=g))
    q = optimal_q(costs, goal)
    top2 = q.topk(2, dim=1).values
    clear = (top2[:, 0] - top2[:, 1] > 0.02) & (torch.arange(SIZE * SIZE) != goal)
    states = clear.nonzero().squeeze(1)
    return {"train": {"costs": costs, "goal": torch.tensor(goal)},
            "test_inputs": {"state": states},
            "test_targets": q[states].argmax(dim=1)}
