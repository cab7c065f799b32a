"""Stops the whole batch as soon as any row emits EOS."""
import torch


def greedy_decode(model, input_ids, max_new_tokens, eos_id, pad_id):
    ids = input_ids
    for _ in range(max_new_tokens):
        next_token = model(ids).argmax(dim=-1)
        ids = torch.cat([ids, next_token[:, None]], dim=1)
        if bool((next_token == eos_id).any()):
            break
    return ids
