"""Data for debug/lm/bigram-count-smoothing: text from a seeded first-order grammar.

There are 16 symbols. Each symbol has a seeded favourite successor (never itself),
followed with probability 0.6, and a seeded second choice (probability 0.2); the other
0.2 is spread evenly over the remaining 14 symbols. Training text is 400 sequences of
48 symbols; the held-out text is 200 fresh sequences, scored at every position on the
symbol that follows. Predicting each symbol's favourite successor scores about 0.6,
which is the best any model can do.
"""

import torch

VOCAB = 16


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(31_000 + seed)
    # a random ranking of the successors of each symbol, with the symbol itself last
    ranking = torch.argsort(torch.rand(VOCAB, VOCAB, generator=g) + 2 * torch.eye(VOCAB), dim=1)
    favourite, second = ranking[:, 0], ranking[:, 1]
    rows = torch.arange(VOCAB)
    probs = torch.full((VOCAB, VOCAB), 0.2 / (VOCAB - 2))
    probs[rows, favourite] = 0.6
    probs[rows, second] = 0.2

    def text(n: int, length: int) -> torch.Tensor:
        x = torch.zeros(n, length, dtype=torch.long)
        x[:, 0] = torch.randint(0, VOCAB, (n,), generator=g)
        for t in range(1, length):
            x[:, t] = torch.multinomial(probs[x[:, t - 1]], 1, generator=g).squeeze(1)
        return x

    train = text(400, 48)
    test = text(200, 33)
    return {"train": {"tokens": train}, "test_inputs": {"tokens": test[:, :-1]},
            "test_targets": test[:, 1:]}
