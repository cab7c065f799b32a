"""Never increments the step counter, so bias correction always uses t = 1."""
import torch


def adamw_step(params, grads, state, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01):
    beta1, beta2 = betas
    if not state:
        state["t"] = 1
        state["m"] = [torch.zeros_like(p) for p in params]
        state["v"] = [torch.zeros_like(p) for p in params]
    t = state["t"]
    for p, g, m, v in zip(params, grads, state["m"], state["v"], strict=True):
        p.mul_(1 - lr * weight_decay)
        m.mul_(beta1).add_(g, alpha=1 - beta1)
        v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        p.sub_(lr * m_hat / (v_hat.sqrt() + eps))
