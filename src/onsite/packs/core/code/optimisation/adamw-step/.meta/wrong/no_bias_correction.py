"""Skips the bias correction: uses m / (sqrt(v) + eps), so early steps are badly scaled."""
import torch


def adamw_step(params, grads, state, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01):
    beta1, beta2 = betas
    if not state:
        state["m"] = [torch.zeros_like(p) for p in params]
        state["v"] = [torch.zeros_like(p) for p in params]
    for p, g, m, v in zip(params, grads, state["m"], state["v"], strict=True):
        p.mul_(1 - lr * weight_decay)
        m.mul_(beta1).add_(g, alpha=1 - beta1)
        v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
        p.sub_(lr * m / (v.sqrt() + eps))
