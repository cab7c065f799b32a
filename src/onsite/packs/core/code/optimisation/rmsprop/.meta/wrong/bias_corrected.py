"""Divides the square average by 1 - alpha^t as Adam does; RMSprop has no bias correction."""
import torch


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0.0,
                 momentum=0.0, centered=False):
    if not state:
        state["t"] = 0
        state["v"] = [torch.zeros_like(p) for p in params]
        state["m"] = [torch.zeros_like(p) for p in params]
        state["b"] = [torch.zeros_like(p) for p in params]
    state["t"] += 1
    for p, g, v, m, b in zip(params, grads, state["v"], state["m"], state["b"], strict=True):
        if weight_decay != 0:
            g = g + weight_decay * p
        v.mul_(alpha).addcmul_(g, g, value=1 - alpha)
        vh = v / (1 - alpha ** state["t"])
        if centered:
            m.mul_(alpha).add_(g, alpha=1 - alpha)
            denom = (vh - m * m).sqrt() + eps
        else:
            denom = vh.sqrt() + eps
        if momentum > 0:
            b.mul_(momentum).addcdiv_(g, denom)
            p.add_(b, alpha=-lr)
        else:
            p.addcdiv_(g, denom, value=-lr)
