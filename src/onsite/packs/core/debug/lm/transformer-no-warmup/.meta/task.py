"""Data for debug/lm/transformer-no-warmup: counting on a 12-hour clock.

Each sequence starts at a random hour a in {0, ..., 11} and counts in a random step k in
{1, ..., 5}: a, a + k, a + 2k, ... modulo 12, 17 symbols in all. From the second symbol
on, the next symbol follows from the last two; the first target (a + k) can only be
guessed. Held-out sequences are scored at all 16 positions, so a perfect model scores
15/16 plus a guess of 1/5 at the first: about 0.95.
"""

import torch

VOCAB, LENGTH = 12, 17


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(34_000 + seed)

    def sequences(n: int) -> torch.Tensor:
        start = torch.randint(0, VOCAB, (n, 1), generator=g)
        step = torch.randint(1, 6, (n, 1), generator=g)
        return (start + step * torch.arange(LENGTH)[None, :]) % VOCAB

    train, test = sequences(2000), sequences(1000)
    return {"train": {"tokens": train}, "test_inputs": {"tokens": test[:, :-1]},
            "test_targets": test[:, 1:]}
