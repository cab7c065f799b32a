from collections.abc import Callable

import torch
from torch import Tensor


def greedy_decode(
    model: Callable[[Tensor], Tensor],
    input_ids: Tensor,
    max_new_tokens: int,
    eos_id: int,
    pad_id: int,
) -> Tensor:
    ids = input_ids
    # An EOS in the prompt does not count: every row starts unfinished.
    finished = torch.zeros(ids.size(0), dtype=torch.bool, device=ids.device)
    with torch.no_grad():
        for _ in range(max_new_tokens):
            logits = model(ids)  # (B, V) for the next position, from the whole sequence
            next_token = logits.argmax(dim=-1)  # first maximum on ties: lowest id
            # Rows that already finished get padding, whatever the model says.
            next_token = torch.where(finished, torch.full_like(next_token, pad_id), next_token)
            # Update after padding so the EOS itself is kept in the output.
            finished = finished | (next_token == eos_id)
            ids = torch.cat([ids, next_token[:, None]], dim=1)
            if bool(finished.all()):
                break  # no more model calls once every row is done
    return ids
