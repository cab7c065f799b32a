"""Increments the shared step counter inside the per-rank update loop, so the bias corrections
see step R*k instead of k.
"""
import math
from collections.abc import Callable

import torch
from torch import Tensor


class Zero3AdamW:
    """ZeRO stage 3 simulated on one process: rank r owns slice r of the flattened, zero-padded
    parameter vector and the matching slices of both Adam moments; nothing else persists."""

    def __init__(self, params: list[Tensor], world_size: int, *, lr: float = 1e-3,
                 betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 0.0):
        self.R = world_size
        self.shapes = [tuple(p.shape) for p in params]
        self.numel = sum(p.numel() for p in params)
        self.shard_size = math.ceil(self.numel / world_size)      # S
        flat = self._pad(torch.cat([p.detach().reshape(-1) for p in params]))
        S = self.shard_size
        self.shards = [flat[r * S:(r + 1) * S].clone() for r in range(world_size)]
        self.exp_avg = [torch.zeros_like(s) for s in self.shards]     # one tensor per rank
        self.exp_avg_sq = [torch.zeros_like(s) for s in self.shards]
        self.lr, self.betas, self.eps, self.weight_decay = lr, betas, eps, weight_decay
        self.t = 0

    def _pad(self, flat: Tensor) -> Tensor:
        """Zero-pad a flat vector of length P to R * S."""
        return torch.cat([flat, flat.new_zeros(self.R * self.shard_size - flat.numel())])

    def _unflatten(self, flat: Tensor) -> list[Tensor]:
        out, offset = [], 0
        for shape in self.shapes:
            n = math.prod(shape)
            out.append(flat[offset:offset + n].reshape(shape))
            offset += n
        return out

    def all_gather(self) -> Tensor:
        """Every rank receives every shard: the padded flat vector of length R * S."""
        return torch.cat(self.shards)

    def full_params(self) -> list[Tensor]:
        return [p.clone() for p in self._unflatten(self.all_gather()[:self.numel])]

    def step(self, loss_fn: Callable[..., Tensor], local_batches: list[tuple]) -> list[float]:
        S = self.shard_size
        losses, full_grads = [], []
        for r in range(self.R):
            # Forward and backward on rank r with a temporary, gathered copy of the weights.
            params = [p.clone().requires_grad_(True)
                      for p in self._unflatten(self.all_gather()[:self.numel])]
            loss = loss_fn(params, *local_batches[r])
            grads = torch.autograd.grad(loss, params)
            full_grads.append(self._pad(torch.cat([g.reshape(-1) for g in grads])))
            losses.append(float(loss.detach()))
            # (the gathered copy is dropped here: ZeRO-3 frees it after use)

        # Reduce-scatter with averaging: rank r receives the mean over ranks of slice r.
        grad_shards = [torch.stack([g[r * S:(r + 1) * S] for g in full_grads]).mean(0)
                       for r in range(self.R)]

        b1, b2 = self.betas
        for r in range(self.R):
            self.t += 1
            bc1, bc2 = 1 - b1 ** self.t, 1 - b2 ** self.t
            p, g = self.shards[r], grad_shards[r]
            m, v = self.exp_avg[r], self.exp_avg_sq[r]
            p.mul_(1 - self.lr * self.weight_decay)      # decoupled decay, on the shard
            m.mul_(b1).add_(g, alpha=1 - b1)
            v.mul_(b2).addcmul_(g, g, value=1 - b2)
            p.sub_(self.lr * (m / bc1) / ((v / bc2).sqrt() + self.eps))
        return losses
