"""Data for debug/rl/bandit-reinforce: a contextual bandit with a hidden best arm per region.

Contexts are 6-dimensional standard normal points. Each of the four arms owns a hidden
centre (drawn per seed); an arm is the best one for the contexts nearest its centre. The
training split logs, for every context, one noisy 0/1 reward per arm (0.8 chance of a 1
for the best arm, 0.2 for the others), so a script can simulate pulling any arm; it only
ever looks at the reward of the arm it pulled. The held-out target is the best arm.
"""

import torch

DIM, ARMS = 6, 4
P_BEST, P_OTHER = 0.8, 0.2


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(31_000 + seed)
    centres = 1.5 * torch.randn(ARMS, DIM, generator=g)

    def sample(n: int):
        x = torch.randn(n, DIM, generator=g)
        best = torch.cdist(x, centres).argmin(dim=1)
        p = torch.full((n, ARMS), P_OTHER)
        p[torch.arange(n), best] = P_BEST
        rewards = torch.bernoulli(p, generator=g)
        return x, rewards, best

    x_train, r_train, _ = sample(3000)
    x_test, _, best_test = sample(1000)
    return {"train": {"x": x_train, "rewards": r_train}, "test_inputs": {"x": x_test},
            "test_targets": best_test}
