from collections.abc import Callable

import torch
from torch import Tensor, nn


def train(
    make_model: Callable[[], nn.Module],
    train_tokens: Tensor,
    eval_tokens: Tensor,
    *,
    steps: int,
    micro_batch_size: int,
    accum_steps: int,
    lr: float,
    min_lr: float = 0.0,
    warmup_steps: int = 0,
    weight_decay: float = 0.0,
    betas: tuple[float, float] = (0.9, 0.95),
    eps: float = 1e-8,
    max_grad_norm: float = 1.0,
    eval_every: int = 0,
    pad_id: int = 0,
    seed: int = 0,
) -> dict:
    """Train a next-token model; return {"train_loss", "lr", "grad_norm", "eval_loss",
    "final_eval_loss", "model"} as described in the prompt."""
    raise NotImplementedError("seed, build, then per step: micro-batches -> backward -> clip -> lr -> step")
