"""Folds the learning rate into the buffer (b = mu*b + lr*g; p -= b): wrong once lr changes."""


def sgd_step(params, grads, state, lr, momentum=0.0, dampening=0.0, weight_decay=0.0,
             nesterov=False):
    if "buf" not in state:
        state["buf"] = [None] * len(params)
    for i, (p, g) in enumerate(zip(params, grads, strict=True)):
        if weight_decay != 0:
            g = g + weight_decay * p
        if momentum == 0:
            p.add_(g, alpha=-lr)
            continue
        if state["buf"][i] is None:
            state["buf"][i] = lr * g
        else:
            state["buf"][i].mul_(momentum).add_(g, alpha=lr * (1 - dampening))
        buf = state["buf"][i]
        step = lr * g + momentum * buf if nesterov else buf
        p.sub_(step)
