"""Treats an EOS already in the prompt as finished, so those rows produce only padding."""
import torch


def greedy_decode(model, input_ids, max_new_tokens, eos_id, pad_id):
    ids = input_ids
    finished = (ids == eos_id).any(dim=1)
    for _ in range(max_new_tokens):
        if bool(finished.all()):
            break
        next_token = model(ids).argmax(dim=-1)
        next_token = torch.where(finished, torch.full_like(next_token, pad_id), next_token)
        finished = finished | (next_token == eos_id)
        ids = torch.cat([ids, next_token[:, None]], dim=1)
    return ids
