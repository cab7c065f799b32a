"""Data for debug/lm/char-mlp-next-token: sentences of a seeded random grammar.

The grammar is a finite-state machine whose state is the last two symbols: a seeded
table gives the next symbol for every pair (never a repeat of the last symbol), and
with probability 0.1 a uniformly random symbol replaces it. The first symbol is random
and the second follows from it through a seeded table. Training sentences have random
lengths and are padded with 0, which is also a real symbol; the held-out sentences are
all full length, so every scored position is real. A model that sees the previous two
symbols can reach about 0.91 accuracy.
"""

import torch

VOCAB = 10
MAX_LEN = 24
NOISE = 0.1


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(21_000 + seed)
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

    train = sentences(2000, MAX_LEN)
    lengths = torch.randint(6, MAX_LEN + 1, (2000,), generator=g)
    train[torch.arange(MAX_LEN)[None, :] >= lengths[:, None]] = 0
    test = sentences(500, 21)
    return {"train": {"tokens": train, "lengths": lengths},
            "test_inputs": {"tokens": test[:, :-1]}, "test_targets": test[:, 1:]}
