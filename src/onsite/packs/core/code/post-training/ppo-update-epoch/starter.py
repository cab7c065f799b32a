import torch
from torch import Tensor, nn


def ppo_epoch(
    model: nn.Module,
    opt: torch.optim.Optimizer,
    batch: dict[str, Tensor],
    perm: Tensor,
    minibatch_size: int,
    *,
    clip_eps: float = 0.2,
    vf_clip: float | None = 0.2,
    vf_coef: float = 0.5,
    ent_coef: float = 0.01,
    norm_adv: bool = True,
) -> dict[str, list[float]]:
    """One PPO epoch over the minibatches perm[0:M], perm[M:2M], ...; one optimiser step per
    minibatch. Return lists (one float per minibatch) under "loss", "policy_loss",
    "value_loss", "entropy", "clip_frac" and "approx_kl"."""
    raise NotImplementedError("per minibatch: ratio, clipped surrogate, value loss, entropy, step")
