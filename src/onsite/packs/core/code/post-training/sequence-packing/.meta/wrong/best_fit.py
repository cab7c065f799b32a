"""Best fit: picks the row with the least free space that still fits, not the first."""
import torch
from torch import Tensor


def pack_sequences(docs: list[list[int]], row_len: int, pad_id: int = 0) -> tuple[Tensor, Tensor, Tensor]:
    # Phase 1: placement. rows[r] is the list of documents in row r, free[r] its space left.
    rows: list[list[list[int]]] = []
    free: list[int] = []
    for doc in docs:
        doc = list(doc)[:row_len]  # longer than a row: keep the first row_len tokens
        if not doc:
            continue
        fits = [(space, r) for r, space in enumerate(free) if space >= len(doc)]
        if fits:
            r = min(fits)[1]
            rows[r].append(doc)
            free[r] -= len(doc)
        else:  # no row had room
            rows.append([doc])
            free.append(row_len - len(doc))

    # Phase 2: tensors. seg holds the document index within the row, -1 on padding.
    R, L = len(rows), row_len
    input_ids = torch.full((R, L), pad_id, dtype=torch.int64)
    position_ids = torch.zeros((R, L), dtype=torch.int64)
    seg = torch.full((R, L), -1, dtype=torch.int64)
    for r, row in enumerate(rows):
        start = 0
        for d, doc in enumerate(row):
            end = start + len(doc)
            input_ids[r, start:end] = torch.tensor(doc, dtype=torch.int64)
            position_ids[r, start:end] = torch.arange(len(doc))  # restart per document
            seg[r, start:end] = d
            start = end

    same_doc = seg[:, :, None] == seg[:, None, :]  # (R, L, L)
    causal = torch.ones(L, L, dtype=torch.bool).tril()  # j <= i
    real = (seg != -1)[:, :, None]  # padding queries see nothing but themselves
    eye = torch.eye(L, dtype=torch.bool)
    # same_doc & real also excludes real->pad (pad's seg -1 never equals a real one).
    attention_mask = (same_doc & causal & real) | eye
    return input_ids, position_ids, attention_mask
