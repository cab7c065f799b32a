"""Data for debug/rl/reinforce-returns: a corridor with an exit at each end.

The corridor has 20 cells in a row. Cells 0 and 19 are exits: entering one pays its
reward (between 1 and 3, drawn per seed) and ends the episode. Entering any other cell
costs between 0 and 0.1 (a reward of minus the cost, drawn per cell). Two actions: 0
steps left, 1 steps right. With discount 0.9 a far exit is worth less than a near one,
so the best action depends on the cell: left of some point it pays to head for exit 0,
right of it for exit 19. Seeds are redrawn until that point leaves between a quarter and
three quarters of the inner cells on each side. The held-out targets are the optimal
actions from value iteration, for the inner cells whose two action values differ by
more than 0.05.
"""

import torch

CELLS, GAMMA = 20, 0.9


def optimal_q(rewards: torch.Tensor) -> torch.Tensor:
    """Q*(s, a) for every cell and both actions, by value iteration in float64."""
    reward = rewards.double()
    cells = torch.arange(CELLS)
    nxt = torch.stack([(cells - 1).clamp(0, CELLS - 1), (cells + 1).clamp(0, CELLS - 1)], dim=1)
    exit_ = (nxt == 0) | (nxt == CELLS - 1)
    v = torch.zeros(CELLS, dtype=torch.float64)
    for _ in range(500):
        q = reward[nxt] + GAMMA * torch.where(exit_, 0.0, v[nxt])
        v = q.max(dim=1).values
    return q


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(35_000 + seed)
    inner = torch.arange(1, CELLS - 1)
    while True:
        rewards = -0.1 * torch.rand(CELLS, generator=g)
        rewards[0], rewards[-1] = 1 + 2 * torch.rand(2, generator=g)
        q = optimal_q(rewards)
        if 0.25 <= (q[inner].argmax(dim=1) == 0).double().mean() <= 0.75:
            break
    states = inner[(q[inner, 0] - q[inner, 1]).abs() > 0.05]
    return {"train": {"rewards": rewards}, "test_inputs": {"state": states},
            "test_targets": q[states].argmax(dim=1)}
