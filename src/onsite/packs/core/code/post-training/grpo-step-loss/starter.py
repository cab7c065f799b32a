from torch import Tensor


def grpo_loss(
    logprobs: Tensor, old_logprobs: Tensor, ref_logprobs: Tensor, rewards: Tensor, mask: Tensor,
    group_size: int, clip_eps: float = 0.2, beta: float = 0.04, adv_eps: float = 1e-4,
    token_level: bool = False,
) -> tuple[Tensor, Tensor, Tensor]:
    """Return (loss, advantages (N,), per-token loss (N, T), zero on padding)."""
    raise NotImplementedError("advantages per group, clipped ratio, k3 KL, masked mean")
