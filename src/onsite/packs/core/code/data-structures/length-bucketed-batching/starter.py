import torch
from torch import Tensor


def bucket_batches(lengths: list[int], max_tokens: int) -> list[list[int]]:
    """Indices sorted by length (stable), greedily grouped so len(batch) * max_len <= max_tokens."""
    raise NotImplementedError("sort the indices by length, then fill batches greedily")


def pad_batch(sequences: list[list[int]], batch: list[int], pad_id: int = 0) -> tuple[Tensor, Tensor]:
    """(tokens int64, mask bool), both (len(batch), batch max length); right padding."""
    raise NotImplementedError("pad to this batch's own maximum length")


def count_padding(lengths: list[int], batches: list[list[int]]) -> int:
    """Total pad tokens when each batch is padded to its own longest sequence."""
    raise NotImplementedError
