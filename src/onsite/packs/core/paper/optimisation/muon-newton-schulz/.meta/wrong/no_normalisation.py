"""Skips the Frobenius normalisation, so singular values above 1 blow up in the iteration."""
import math

import torch
from torch import Tensor

# Quintic coefficients chosen to push every singular value in (0, 1] quickly towards ~1.
A, B, C = 3.4445, -4.7750, 2.0315


def newton_schulz(G: Tensor, steps: int = 5, eps: float = 1e-7) -> Tensor:
    X = G
    tall = G.size(0) > G.size(1)
    if tall:
        X = X.T  # work with the wide orientation: X X^T is the smaller Gram matrix
    for _ in range(steps):
        gram = X @ X.T
        poly = B * gram + C * (gram @ gram)
        X = A * X + poly @ X  # p(s) = a s + b s^3 + c s^5 on every singular value s
    return X.T if tall else X


def muon_step(
    params: list[Tensor],
    grads: list[Tensor],
    state: dict,
    lr: float,
    momentum: float = 0.95,
    nesterov: bool = True,
    weight_decay: float = 0.0,
    ns_steps: int = 5,
) -> None:
    if not state:
        state["momentum_buffer"] = [torch.zeros_like(p) for p in params]
    for p, g, buf in zip(params, grads, state["momentum_buffer"], strict=True):
        buf.mul_(momentum).add_(g)
        update = g + momentum * buf if nesterov else buf
        ortho = newton_schulz(update, ns_steps)
        rows, cols = p.shape
        # Orthogonal updates of tall matrices have a smaller RMS per entry; rescale.
        scale = math.sqrt(max(1.0, rows / cols))
        p.mul_(1.0 - lr * weight_decay)  # decoupled decay, with the unscaled lr
        p.add_(ortho, alpha=-lr * scale)
