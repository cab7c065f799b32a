"""Returns a mask that is True on the padding (a key-padding-mask convention) instead of the tokens."""
import torch
from torch import Tensor


def bucket_batches(lengths: list[int], max_tokens: int) -> list[list[int]]:
    # Sort indices by length; Python's sort is stable, so equal lengths keep their input order.
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        # In ascending order the newcomer is the longest, so the padded size would be
        # (current size + 1) * its length.
        if current and (len(current) + 1) * lengths[i] > max_tokens:
            batches.append(current)
            current = []
        current.append(i)  # a sequence longer than the budget still gets a batch of its own
    if current:
        batches.append(current)
    return batches


def pad_batch(sequences: list[list[int]], batch: list[int], pad_id: int = 0) -> tuple[Tensor, Tensor]:
    width = max(len(sequences[i]) for i in batch)  # pad to this batch's own maximum
    tokens = torch.full((len(batch), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.bool)
    for row, i in enumerate(batch):
        n = len(sequences[i])
        tokens[row, :n] = torch.tensor(sequences[i], dtype=torch.long)  # right padding
        mask[row, :n] = True
    return tokens, ~mask


def count_padding(lengths: list[int], batches: list[list[int]]) -> int:
    # Each batch is padded to its own longest member.
    return sum(len(b) * max(lengths[i] for i in b) - sum(lengths[i] for i in b) for b in batches)
