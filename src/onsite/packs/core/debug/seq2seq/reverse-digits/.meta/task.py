"""Data for debug/seq2seq/reverse-digits: reverse strings of 3 to 8 digits.

Each source row holds a string of 3 to 8 random digits (0-9), left-aligned and padded
at the end with PAD = 10 up to width 8; `lengths` gives each string's length. The
target row is the same string reversed, also left-aligned and padded with PAD. Held-out
rows have the same format; a prediction is scored at all 10 positions, so the padding
positions (about 31% of them) count too: a script must write PAD after each string.
"""

import torch

WIDTH, PAD = 8, 10


def make_data(seed: int) -> dict:
    g = torch.Generator().manual_seed(32_000 + seed)

    def sample(n: int):
        lengths = torch.randint(3, WIDTH + 1, (n,), generator=g)
        digits = torch.randint(0, 10, (n, WIDTH), generator=g)
        pos = torch.arange(WIDTH)[None, :]
        real = pos < lengths[:, None]
        source = torch.where(real, digits, PAD)
        mirror = (lengths[:, None] - 1 - pos).clamp(min=0)  # position t reads digit L - 1 - t
        target = torch.where(real, digits.gather(1, mirror), PAD)
        return source, lengths, target

    source, lengths, target = sample(2500)
    test_source, test_lengths, test_target = sample(1000)
    return {"train": {"source": source, "lengths": lengths, "target": target},
            "test_inputs": {"source": test_source, "lengths": test_lengths},
            "test_targets": test_target}
