"""Data for debug/lm/tiny-transformer-causal: sentences of a seeded random grammar.

The grammar is a finite-state machine whose state is the last two symbols: a seeded
table gives the next symbol for every pair (never a repeat of the last one), and with
probability 0.1 a uniformly random symbol replaces it. Training sentences are 25
symbols long. The held-out inputs are 12-symbol prefixes and the target is the 13th
symbol: a model that looks ahead during training has nothing to look ahead at there.
A correct causal model reaches about 0.91.
"""

import torch

VOCAB = 10
NOISE = 0.1


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(22_000 + seed)
    first = (torch.arange(VOCAB) + torch.randint(1, VOCAB, (VOCAB,), generator=g)) % VOCAB
    step = (torch.arange(VOCAB) + torch.randint(1, VOCAB, (VOCAB, VOCAB), generator=g)) % VOCAB

    def sentences(n: int, length: int) -> torch.Tensor:
        x = torch.zeros(n, length, dtype=torch.long)
        x[:, 0] = torch.randint(0, VOCAB, (n,), generator=g)
        noisy = torch.rand(n, length, generator=g) < NOISE
        for t in range(1, length):
            nxt = first[x[:, 0]] if t == 1 else step[x[:, t - 2], x[:, t - 1]]
            x[:, t] = torch.where(noisy[:, t], torch.randint(0, VOCAB, (n,), generator=g), nxt)
        return x

    train = sentences(2000, 25)
    test = sentences(1000, 13)
    return {"train": {"tokens": train}, "test_inputs": {"tokens": test[:, :-1]},
            "test_targets": test[:, -1]}
