"""Ignores the temperature: log-probs of the unscaled logits."""
import torch
from torch import Tensor


def token_logprobs(logits: Tensor, input_ids: Tensor, mask: Tensor, temperature: float = 1.0) -> Tensor:
    # logits[:, t] predicts token t + 1: drop the last prediction, drop the first token.
    z = logits[:, :-1]
    if z.dtype in (torch.bfloat16, torch.float16):
        # Half precision has 8 (bf16) or 11 (fp16) mantissa bits: normalise in float32.
        z = z.float()
    z = z
    target = input_ids[:, 1:]
    # log softmax(z)[y] = z[y] - logsumexp(z): one gathered logit and one reduction per
    # position, no normalised (B, T-1, V) tensor kept. logsumexp shifts by the max inside.
    chosen = z.gather(-1, target.unsqueeze(-1)).squeeze(-1)  # (B, T-1)
    logp = chosen - torch.logsumexp(z, dim=-1)
    keep = mask[:, 1:].bool()  # the mask belongs to the tokens, so it shifts with them
    return torch.where(keep, logp, torch.zeros_like(logp))
