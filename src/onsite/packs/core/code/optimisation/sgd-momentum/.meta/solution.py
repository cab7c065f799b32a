from torch import Tensor


def sgd_step(
    params: list[Tensor],
    grads: list[Tensor],
    state: dict,
    lr: float,
    momentum: float = 0.0,
    dampening: float = 0.0,
    weight_decay: float = 0.0,
    nesterov: bool = False,
) -> None:
    if "buffers" not in state:
        # None marks "no buffer yet": the first momentum step copies the gradient.
        state["buffers"] = [None] * len(params)
    buffers = state["buffers"]

    for i, (p, g) in enumerate(zip(params, grads, strict=True)):
        # Coupled weight decay: the L2 term is part of the gradient, so it also
        # accumulates in the momentum buffer.
        if weight_decay != 0:
            g = g + weight_decay * p
        if momentum != 0:
            if buffers[i] is None:
                # The buffer starts as the gradient itself, not as zeros, and the
                # dampening is not applied on this first step.
                buffers[i] = g.clone()
            else:
                buffers[i].mul_(momentum).add_(g, alpha=1.0 - dampening)
            buf = buffers[i]
            # Nesterov looks ahead: the gradient plus the momentum of the new buffer.
            g = g + momentum * buf if nesterov else buf
        # lr scales only this step's update; it never enters the buffer.
        p.add_(g, alpha=-lr)
