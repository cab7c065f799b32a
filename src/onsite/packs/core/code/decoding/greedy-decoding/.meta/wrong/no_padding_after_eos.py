"""Keeps appending the model's argmax after a row emits EOS instead of padding it."""
import torch


def greedy_decode(model, input_ids, max_new_tokens, eos_id, pad_id):
    ids = input_ids
    finished = torch.zeros(ids.size(0), dtype=torch.bool)
    for _ in range(max_new_tokens):
        next_token = model(ids).argmax(dim=-1)
        finished = finished | (next_token == eos_id)
        ids = torch.cat([ids, next_token[:, None]], dim=1)
        if bool(finished.all()):
            break
    return ids
