import torch

from onsite.judge.cases import case


def optimise(sub, shapes, steps, *, seed, dtype=torch.float32, grad_scale=1.0, zero=False,
             **hyper):
    """Run `steps` calls on seeded params with fresh seeded grads; observe the original tensors."""
    g = torch.Generator().manual_seed(seed)
    params = [torch.randn(s, generator=g, dtype=dtype) for s in shapes]
    # The very tensors we passed in: an update that rebinds instead of writing in
    # place leaves these unchanged.
    originals = list(params)
    state: dict = {}
    for _ in range(steps):
        grads = [torch.randn(s, generator=g, dtype=dtype) * grad_scale for s in shapes]
        if zero:
            grads = [torch.zeros_like(x) for x in grads]
        sub.adamw_step(params, grads, state, **hyper)
    return {f"param_{i}": p for i, p in enumerate(originals)}


@case("one step, two tensors of different shapes", atol=1e-6, rtol=1e-5)
def one_step(sub):
    return optimise(sub, [(3, 4), (5,)], 1, seed=0, lr=1e-3)


@case("two steps", atol=1e-6, rtol=1e-5)
def two_steps(sub):
    return optimise(sub, [(4, 3), (2, 2, 2)], 2, seed=1, lr=1e-2)


@case("10 steps, weight_decay=0, with a 0-d tensor", atol=1e-6, rtol=1e-5)
def no_decay(sub):
    return optimise(sub, [(), (6,), (2, 3)], 10, seed=2, lr=1e-2, weight_decay=0.0)


# float32 over 100 steps: rounding differences between equivalent orderings of
# the update accumulate to ~1e-6, hence the looser tolerance.
@case("100 steps, lr=1e-2, weight_decay=0.1", atol=1e-5, rtol=1e-5)
def hundred_steps(sub):
    return optimise(sub, [(8, 4), (4,)], 100, seed=3, lr=1e-2, weight_decay=0.1)


@case("tiny gradients (1e-9): eps dominates the denominator", atol=1e-12, rtol=1e-10)
def tiny_grads(sub):
    return optimise(sub, [(5, 5)], 10, seed=4, dtype=torch.float64, grad_scale=1e-9, lr=1e-3)


@case("zero gradients: only the weight decay moves the weights", atol=1e-6, rtol=1e-5)
def zero_grads(sub):
    return optimise(sub, [(3, 3), (4,)], 5, seed=5, zero=True, lr=1e-2, weight_decay=0.1)


@case("float64, 10 steps, betas=(0.8, 0.99), eps=1e-6", atol=1e-12, rtol=1e-10,
      strict_dtype=True)
def float64_custom(sub):
    return optimise(sub, [(4, 4), (3,)], 10, seed=6, dtype=torch.float64, lr=3e-3,
                    betas=(0.8, 0.99), eps=1e-6, weight_decay=0.05)


@case("large lr and weight decay (lr=0.1, weight_decay=0.5), float64", atol=1e-12, rtol=1e-10)
def large_decay(sub):
    return optimise(sub, [(6,), (2, 3)], 5, seed=7, dtype=torch.float64, lr=0.1,
                    weight_decay=0.5)


@case("two optimisers with separate state dicts, interleaved", atol=1e-12, rtol=1e-10)
def two_states(sub):
    g = torch.Generator().manual_seed(8)
    a = [torch.randn(4, generator=g, dtype=torch.float64)]
    b = [torch.randn(3, 2, generator=g, dtype=torch.float64)]
    originals = (a[0], b[0])
    state_a: dict = {}
    state_b: dict = {}
    # a takes three steps for every one of b's: each state must count its own steps.
    for i in range(6):
        sub.adamw_step(a, [torch.randn(4, generator=g, dtype=torch.float64)], state_a, lr=1e-2)
        if i % 3 == 2:
            sub.adamw_step(b, [torch.randn(3, 2, generator=g, dtype=torch.float64)], state_b,
                           lr=1e-2)
    return {"a": originals[0], "b": originals[1]}
