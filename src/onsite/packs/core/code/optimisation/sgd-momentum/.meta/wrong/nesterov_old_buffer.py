"""Nesterov look-ahead with the buffer from before this step's update (g + mu * b_{t-1})."""
import torch


def sgd_step(params, grads, state, lr, momentum=0.0, dampening=0.0, weight_decay=0.0,
             nesterov=False):
    if "buf" not in state:
        state["buf"] = [None] * len(params)
    for i, (p, g) in enumerate(zip(params, grads, strict=True)):
        if weight_decay != 0:
            g = g + weight_decay * p
        if momentum != 0:
            old = state["buf"][i]
            if old is None:
                state["buf"][i] = g.clone()
                old = torch.zeros_like(g)
            else:
                old = old.clone()
                state["buf"][i].mul_(momentum).add_(g, alpha=1 - dampening)
            g = g + momentum * old if nesterov else state["buf"][i]
        p.add_(g, alpha=-lr)
