"""Data for debug/classification/sequence-parity-or-count: count a two-symbol pattern.

Each sequence has 4 to 30 symbols drawn uniformly from {1, 2, 3, 4}; 0 is padding. The
target is the number of times symbol 1 is immediately followed by symbol 2 (0 to 6 in
practice, mostly 0 to 2). Training rows are padded to width 30; held-out rows, with
the same lengths, come padded to width 50, so a model must not depend on how much
padding follows a sequence. A model that predicts 0 everywhere is right about 38% of
the time; the repaired script about 99.5%.
"""

import torch

PAD, TRAIN_WIDTH, TEST_WIDTH, MAX_LEN = 0, 30, 50, 30


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(35_000 + seed)

    def sample(n: int, width: int):
        lengths = torch.randint(4, MAX_LEN + 1, (n,), generator=g)
        symbols = torch.randint(1, 5, (n, width), generator=g)
        real = torch.arange(width)[None, :] < lengths[:, None]
        tokens = torch.where(real, symbols, PAD)
        counts = ((tokens[:, :-1] == 1) & (tokens[:, 1:] == 2)).sum(dim=1)
        return tokens, lengths, counts

    tokens, lengths, counts = sample(3000, TRAIN_WIDTH)
    test_tokens, test_lengths, test_counts = sample(1000, TEST_WIDTH)
    return {"train": {"tokens": tokens, "lengths": lengths, "counts": counts},
            "test_inputs": {"tokens": test_tokens, "lengths": test_lengths},
            "test_targets": test_counts}
