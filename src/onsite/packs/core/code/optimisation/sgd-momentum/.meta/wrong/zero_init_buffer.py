"""Initialises the momentum buffer to zeros, so the first step is dampened by (1 - dampening)."""
import torch


def sgd_step(params, grads, state, lr, momentum=0.0, dampening=0.0, weight_decay=0.0,
             nesterov=False):
    if "buf" not in state:
        state["buf"] = [torch.zeros_like(p) for p in params]
    for p, g, buf in zip(params, grads, state["buf"], strict=True):
        if weight_decay != 0:
            g = g + weight_decay * p
        if momentum != 0:
            buf.mul_(momentum).add_(g, alpha=1 - dampening)
            g = g + momentum * buf if nesterov else buf
        p.add_(g, alpha=-lr)
