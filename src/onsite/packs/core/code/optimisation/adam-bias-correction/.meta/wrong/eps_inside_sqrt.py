"""Puts eps inside the square root: sqrt(v_hat + eps)."""
import torch


def adam_step(params, grads, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
              amsgrad=False):
    beta1, beta2 = betas
    if not state:
        state["t"] = 0
        state["m"] = [torch.zeros_like(p) for p in params]
        state["v"] = [torch.zeros_like(p) for p in params]
        state["vmax"] = [torch.zeros_like(p) for p in params]
    state["t"] += 1
    t = state["t"]
    for p, g, m, v, vmax in zip(params, grads, state["m"], state["v"], state["vmax"], strict=True):
        g = g + weight_decay * p
        m.mul_(beta1).add_(g, alpha=1 - beta1)
        v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
        if amsgrad:
            torch.maximum(vmax, v, out=vmax)
            v_hat = vmax / (1 - beta2**t)
        else:
            v_hat = v / (1 - beta2**t)
        m_hat = m / (1 - beta1**t)
        p.sub_(lr * m_hat / (v_hat + eps).sqrt())
