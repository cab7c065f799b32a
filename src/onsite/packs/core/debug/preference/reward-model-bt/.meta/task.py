"""Data for debug/preference/reward-model-bt: pairs of near-duplicate responses.

A response is a 16-dimensional feature vector and its hidden reward is its projection
on a seeded unit vector w. The two responses of a pair are small edits of one shared
draft: draft ~ N(0, 9 I), each response = draft + N(0, 0.25 I). The draft dominates
every response's reward, but it is the same for both responses of a pair, so only the
edits decide which one is better. The labeller prefers the first response with
probability sigmoid(4 * (reward gap)), Bradley-Terry style; about one label in six
goes against the hidden reward. The held-out target is 1 when response a has the higher
hidden reward, without the labeller's noise.
"""

import torch

DIM, DRAFT_STD, EDIT_STD, SHARPNESS = 16, 3.0, 0.5, 4.0


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(36_000 + seed)
    w = torch.randn(DIM, generator=g)
    w = w / w.norm()

    def pairs(n: int):
        draft = DRAFT_STD * torch.randn(n, DIM, generator=g)
        first = draft + EDIT_STD * torch.randn(n, DIM, generator=g)
        second = draft + EDIT_STD * torch.randn(n, DIM, generator=g)
        return first, second, (first - second) @ w

    first, second, gap = pairs(3000)
    first_wins = (torch.rand(3000, generator=g) < torch.sigmoid(SHARPNESS * gap))[:, None]
    chosen = torch.where(first_wins, first, second)
    rejected = torch.where(first_wins, second, first)
    a, b, gap_test = pairs(1000)
    return {"train": {"chosen": chosen, "rejected": rejected},
            "test_inputs": {"a": a, "b": b}, "test_targets": (gap_test > 0).long()}
