import torch
from torch import Tensor


def token_logprobs(logits: Tensor, input_ids: Tensor, mask: Tensor, temperature: float = 1.0) -> Tensor:
    """(B, T-1): log p(input_ids[:, t+1] | logits[:, t] / temperature), 0 where mask[:, t+1] is false.

    bfloat16/float16 logits are upcast to float32 first; float32/float64 keep their dtype.
    """
    raise NotImplementedError("shift, gather the chosen logit, subtract the log-sum-exp, mask")
