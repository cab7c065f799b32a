"""Data for debug/preference/dpo-synthetic: preference pairs from a hidden linear reward.

A prompt is an 8-dimensional standard normal vector and there are 12 candidate responses.
A hidden reward r(x, y) = W[y] . x, with W (12, 8) standard normal drawn per seed, decides
which response is better. Each training pair shows two different responses to a prompt;
the labeller prefers the first with probability sigmoid(r(x, first) - r(x, second))
(Bradley-Terry), so about one label in seven disagrees with the hidden reward. Held-out
pairs carry the noiseless answer: 1 when response `a` has the higher hidden reward.
"""

import torch

DIM, RESPONSES = 8, 12


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(32_000 + seed)
    weights = torch.randn(RESPONSES, DIM, generator=g)

    def sample(n: int):
        x = torch.randn(n, DIM, generator=g)
        a = torch.randint(RESPONSES, (n,), generator=g)
        b = (a + torch.randint(1, RESPONSES, (n,), generator=g)) % RESPONSES
        reward = x @ weights.T
        gap = reward.gather(1, a[:, None]).squeeze(1) - reward.gather(1, b[:, None]).squeeze(1)
        return x, a, b, gap

    x, a, b, gap = sample(3000)
    a_wins = torch.rand(3000, generator=g) < torch.sigmoid(gap)
    chosen, rejected = torch.where(a_wins, a, b), torch.where(a_wins, b, a)
    x_test, a_test, b_test, gap_test = sample(1000)
    return {"train": {"x": x, "chosen": chosen, "rejected": rejected},
            "test_inputs": {"x": x_test, "a": a_test, "b": b_test},
            "test_targets": (gap_test > 0).long()}
