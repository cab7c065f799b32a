"""Data for debug/contrastive/infonce-pairs: two noisy views of the same hidden item.

Every item has a hidden 8-dimensional standard normal latent z. View a (16-d) is
tanh(2 z A) plus noise and view b (12-d) is z B plus noise, with seeded mixing matrices
A (8, 16) and B (8, 12) and Gaussian noise of standard deviation 0.15 on each view, so
neither view is a simple function of the other. The training split gives 4000 aligned
pairs (row i of a goes with row i of b). The held-out split gives 500 new items with the
b views in a shuffled order; the target of query i is the row of b that holds its pair.
"""

import torch

LATENT, DIM_A, DIM_B, NOISE = 8, 16, 12, 0.15


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(33_000 + seed)
    mix_a = torch.randn(LATENT, DIM_A, generator=g) / LATENT ** 0.5
    mix_b = torch.randn(LATENT, DIM_B, generator=g) / LATENT ** 0.5

    def views(n: int):
        z = torch.randn(n, LATENT, generator=g)
        a = torch.tanh(2 * z @ mix_a) + NOISE * torch.randn(n, DIM_A, generator=g)
        b = z @ mix_b + NOISE * torch.randn(n, DIM_B, generator=g)
        return a, b

    a_train, b_train = views(4000)
    a_test, b_test = views(500)
    shuffle = torch.randperm(500, generator=g)  # b_test row j holds the pair of query shuffle[j]
    return {"train": {"a": a_train, "b": b_train},
            "test_inputs": {"a": a_test, "b": b_test[shuffle]},
            "test_targets": torch.argsort(shuffle)}
