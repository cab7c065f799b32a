import torch
from torch import Tensor


def pack_sequences(docs: list[list[int]], row_len: int, pad_id: int = 0) -> tuple[Tensor, Tensor, Tensor]:
    """First-fit pack docs (in the given order) into rows of length row_len.

    Returns input_ids (R, L) int64, position_ids (R, L) int64 (restart at 0 per document,
    0 on padding) and attention_mask (R, L, L) bool: causal within a document, no attention
    across documents, padding attends only to itself.
    """
    raise NotImplementedError("assign documents to rows first, then build the three tensors")
