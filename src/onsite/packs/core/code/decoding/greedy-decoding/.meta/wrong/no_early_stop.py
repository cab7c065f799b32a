"""Always runs max_new_tokens steps, calling the model after every row has finished."""
import torch


def greedy_decode(model, input_ids, max_new_tokens, eos_id, pad_id):
    ids = input_ids
    finished = torch.zeros(ids.size(0), dtype=torch.bool)
    for _ in range(max_new_tokens):
        next_token = model(ids).argmax(dim=-1)
        next_token = torch.where(finished, torch.full_like(next_token, pad_id), next_token)
        finished = finished | (next_token == eos_id)
        ids = torch.cat([ids, next_token[:, None]], dim=1)
    return ids
