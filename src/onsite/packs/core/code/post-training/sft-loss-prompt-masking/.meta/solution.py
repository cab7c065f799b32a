import torch
from torch import Tensor

IGNORE = -100


def build_labels(input_ids: Tensor, prompt_lengths: Tensor, attention_mask: Tensor) -> Tensor:
    T = input_ids.shape[1]
    positions = torch.arange(T, device=input_ids.device)[None, :]  # (1, T)
    is_prompt = positions < prompt_lengths[:, None]  # (B, T): the model is given these
    is_padding = ~attention_mask.bool()  # not text at all
    # masked_fill returns a copy, so the caller's input_ids are left alone.
    return input_ids.masked_fill(is_prompt | is_padding, IGNORE)


def sft_loss(logits: Tensor, labels: Tensor) -> Tensor:
    # logits[:, t] predicts the token at t + 1: drop the last prediction (no target)
    # and the first label (nothing predicts it).
    pred = logits[:, :-1]  # (B, T-1, V)
    target = labels[:, 1:]  # (B, T-1)
    keep = target != IGNORE
    # log_softmax subtracts the row maximum internally, so huge logits stay finite.
    logp = torch.log_softmax(pred, dim=-1)
    # -100 is not a valid index: gather at 0 there, then drop those entries.
    safe = torch.where(keep, target, torch.zeros_like(target))
    token_logp = logp.gather(-1, safe.unsqueeze(-1)).squeeze(-1)  # (B, T-1)
    nll = torch.where(keep, -token_logp, torch.zeros_like(token_logp))
    # One mean over every response token of the batch (token-weighted).
    return nll.sum() / keep.sum()
