"""Applies the weight decay directly to the weights (decoupled) instead of adding it to the gradient."""


def sgd_step(params, grads, state, lr, momentum=0.0, dampening=0.0, weight_decay=0.0,
             nesterov=False):
    if "buf" not in state:
        state["buf"] = [None] * len(params)
    for i, (p, g) in enumerate(zip(params, grads, strict=True)):
        if momentum != 0:
            if state["buf"][i] is None:
                state["buf"][i] = g.clone()
            else:
                state["buf"][i].mul_(momentum).add_(g, alpha=1 - dampening)
            buf = state["buf"][i]
            g = g + momentum * buf if nesterov else buf
        p.mul_(1 - lr * weight_decay)
        p.add_(g, alpha=-lr)
