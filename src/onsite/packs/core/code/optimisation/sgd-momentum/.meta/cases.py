import torch

from onsite.judge.cases import case


def optimise(sub, shapes, steps, *, seed, lrs, dtype=torch.float32, zero=False, **hyper):
    """Run `steps` calls on seeded params with fresh seeded grads; observe the original tensors."""
    g = torch.Generator().manual_seed(seed)
    params = [torch.randn(s, generator=g, dtype=dtype) for s in shapes]
    # The very tensors we passed in: an update that rebinds instead of writing in
    # place leaves these unchanged.
    originals = list(params)
    state: dict = {}
    for t in range(steps):
        grads = [torch.randn(s, generator=g, dtype=dtype) for s in shapes]
        if zero:
            grads = [torch.zeros_like(x) for x in grads]
        sub.sgd_step(params, grads, state, lrs[t], **hyper)
    return {f"param_{i}": p for i, p in enumerate(originals)}


@case("plain SGD (momentum 0), one step, two tensors", atol=1e-6, rtol=1e-5)
def plain(sub):
    return optimise(sub, [(3, 4), (5,)], 1, seed=0, lrs=[0.1])


@case("momentum 0.9, 5 steps", atol=1e-6, rtol=1e-5)
def momentum(sub):
    return optimise(sub, [(4, 3), (2, 2, 2)], 5, seed=1, lrs=[0.05] * 5, momentum=0.9)


@case("momentum 0.9 with dampening 0.5: the first step is not dampened", atol=1e-6, rtol=1e-5)
def dampening(sub):
    return optimise(sub, [(6,), (3, 2)], 4, seed=2, lrs=[0.1] * 4, momentum=0.9, dampening=0.5)


@case("dampening 0.3, a single step: buffer = g, exactly", atol=1e-6, rtol=1e-5)
def dampening_one_step(sub):
    return optimise(sub, [(5,)], 1, seed=3, lrs=[0.5], momentum=0.8, dampening=0.3)


@case("Nesterov, momentum 0.9, 6 steps", atol=1e-6, rtol=1e-5)
def nesterov(sub):
    return optimise(sub, [(4, 4), (3,)], 6, seed=4, lrs=[0.05] * 6, momentum=0.9, nesterov=True)


@case("weight decay 0.1 with momentum 0.9: the decay goes through the buffer", atol=1e-6,
      rtol=1e-5)
def decay(sub):
    return optimise(sub, [(5, 2), ()], 10, seed=5, lrs=[0.1] * 10, momentum=0.9,
                    weight_decay=0.1)


@case("zero gradients, weight decay only, no momentum", atol=1e-6, rtol=1e-5)
def decay_only(sub):
    return optimise(sub, [(3, 3)], 5, seed=6, lrs=[0.2] * 5, zero=True, weight_decay=0.5)


@case("learning rate changes every call (momentum 0.9)", atol=1e-12, rtol=1e-10)
def changing_lr(sub):
    lrs = [0.3, 0.1, 0.03, 0.2, 0.01, 0.5, 0.05, 0.02]
    return optimise(sub, [(4,), (2, 3)], 8, seed=7, dtype=torch.float64, lrs=lrs, momentum=0.9,
                    dampening=0.1)


@case("float64, 20 steps, Nesterov + weight decay, with a 0-d tensor", atol=1e-12, rtol=1e-10,
      strict_dtype=True)
def float64_all(sub):
    return optimise(sub, [(), (7,), (2, 3)], 20, seed=8, dtype=torch.float64, lrs=[0.02] * 20,
                    momentum=0.95, weight_decay=0.05, nesterov=True)


@case("two optimisers with separate state dicts, interleaved", atol=1e-12, rtol=1e-10)
def two_states(sub):
    g = torch.Generator().manual_seed(9)
    a = [torch.randn(4, generator=g, dtype=torch.float64)]
    b = [torch.randn(3, 2, generator=g, dtype=torch.float64)]
    originals = (a[0], b[0])
    state_a: dict = {}
    state_b: dict = {}
    for i in range(6):
        sub.sgd_step(a, [torch.randn(4, generator=g, dtype=torch.float64)], state_a, 0.1,
                     momentum=0.9, dampening=0.5)
        if i % 3 == 2:
            sub.sgd_step(b, [torch.randn(3, 2, generator=g, dtype=torch.float64)], state_b, 0.1,
                         momentum=0.9, dampening=0.5)
    return {"a": originals[0], "b": originals[1]}
