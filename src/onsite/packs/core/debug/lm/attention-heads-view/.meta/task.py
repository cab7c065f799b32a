"""Data for debug/lm/attention-heads-view: associative recall.

Each sequence lists 12 key-value pairs, k1 v1 k2 v2 ... k12 v12, followed by one of its
keys again as a query: 25 symbols. Keys are 12 distinct symbols from {0, ..., 23}, values
are drawn from {24, ..., 47} (repeats allowed). The target is the value that followed
the query key earlier in the sequence. A model that does not look the key up is right
about 1 time in 24 (a little more by guessing among the values it sees); one that does
is right every time.
"""

import torch

N_KEYS, N_VALUES, PAIRS = 24, 24, 12


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(31_000 + seed)

    def sample(n: int):
        keys = torch.rand(n, N_KEYS, generator=g).argsort(dim=1)[:, :PAIRS]
        values = torch.randint(N_KEYS, N_KEYS + N_VALUES, (n, PAIRS), generator=g)
        pick = torch.randint(0, PAIRS, (n,), generator=g)
        rows = torch.arange(n)
        tokens = torch.stack([keys, values], dim=2).reshape(n, 2 * PAIRS)
        tokens = torch.cat([tokens, keys[rows, pick][:, None]], dim=1)
        return tokens, values[rows, pick]

    x_train, y_train = sample(2000)
    x_test, y_test = sample(1000)
    return {"train": {"tokens": x_train, "targets": y_train},
            "test_inputs": {"tokens": x_test}, "test_targets": y_test}
