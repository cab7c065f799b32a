import torch

from onsite.judge.cases import case


def optimise(sub, shapes, steps, *, seed, dtype=torch.float32, grad_scale=1.0, **hyper):
    """Run `steps` calls on seeded params with fresh seeded grads; observe the original tensors."""
    g = torch.Generator().manual_seed(seed)
    params = [torch.randn(s, generator=g, dtype=dtype) for s in shapes]
    originals = list(params)  # an update that rebinds instead of writing in place shows here
    state: dict = {}
    for _ in range(steps):
        grads = [torch.randn(s, generator=g, dtype=dtype) * grad_scale for s in shapes]
        sub.adam_step(params, grads, state, **hyper)
    return {f"param_{i}": p for i, p in enumerate(originals)}


@case("one step, defaults, two tensors", atol=1e-6, rtol=1e-5)
def one_step(sub):
    return optimise(sub, [(3, 4), (5,)], 1, seed=0, lr=1e-2)


@case("three steps: the bias correction still matters", atol=1e-6, rtol=1e-5)
def three_steps(sub):
    return optimise(sub, [(4, 3), (2, 2, 2)], 3, seed=1, lr=1e-2)


@case("L2 weight decay 0.1 goes through the moments, 10 steps", atol=1e-6, rtol=1e-5)
def l2(sub):
    return optimise(sub, [(6,), ()], 10, seed=2, lr=1e-2, weight_decay=0.1)


# float32 over 100 steps: equivalent orderings of the update round differently
# by ~1e-6 in the end, hence atol 1e-5.
@case("100 steps, lr 1e-2, weight decay 0.5", atol=1e-5, rtol=1e-5)
def hundred(sub):
    return optimise(sub, [(8, 4), (4,)], 100, seed=3, lr=1e-2, weight_decay=0.5)


@case("tiny gradients (1e-9), float64: eps dominates the denominator", atol=1e-12, rtol=1e-10)
def tiny(sub):
    return optimise(sub, [(5, 5)], 10, seed=4, dtype=torch.float64, grad_scale=1e-9, lr=1e-3)


@case("AMSGrad, betas (0.9, 0.9), 20 steps, float64", atol=1e-12, rtol=1e-10)
def amsgrad(sub):
    return optimise(sub, [(4, 4), (3,)], 20, seed=5, dtype=torch.float64, lr=1e-2,
                    betas=(0.9, 0.9), amsgrad=True)


@case("float64, 30 steps, AMSGrad + weight decay, betas (0.8, 0.99), eps 1e-6", atol=1e-12,
      rtol=1e-10, strict_dtype=True)
def float64_all(sub):
    return optimise(sub, [(), (7,), (2, 3)], 30, seed=6, dtype=torch.float64, lr=3e-3,
                    betas=(0.8, 0.99), eps=1e-6, weight_decay=0.05, amsgrad=True)


@case("two optimisers with separate state dicts, interleaved", atol=1e-12, rtol=1e-10)
def two_states(sub):
    g = torch.Generator().manual_seed(7)
    a = [torch.randn(4, generator=g, dtype=torch.float64)]
    b = [torch.randn(3, 2, generator=g, dtype=torch.float64)]
    originals = (a[0], b[0])
    state_a: dict = {}
    state_b: dict = {}
    # a takes three steps for every one of b's: each state counts its own steps.
    for i in range(6):
        sub.adam_step(a, [torch.randn(4, generator=g, dtype=torch.float64)], state_a, lr=1e-2)
        if i % 3 == 2:
            sub.adam_step(b, [torch.randn(3, 2, generator=g, dtype=torch.float64)], state_b,
                          lr=1e-2)
    return {"a": originals[0], "b": originals[1]}
