"""Adds the weight-decay term to the update but keeps it out of the momentum buffer."""


def sgd_step(params, grads, state, lr, momentum=0.0, dampening=0.0, weight_decay=0.0,
             nesterov=False):
    if "buf" not in state:
        state["buf"] = [None] * len(params)
    for i, (p, g) in enumerate(zip(params, grads, strict=True)):
        u = g
        if momentum != 0:
            if state["buf"][i] is None:
                state["buf"][i] = g.clone()
            else:
                state["buf"][i].mul_(momentum).add_(g, alpha=1 - dampening)
            buf = state["buf"][i]
            u = g + momentum * buf if nesterov else buf
        p.add_(u + weight_decay * p, alpha=-lr)
