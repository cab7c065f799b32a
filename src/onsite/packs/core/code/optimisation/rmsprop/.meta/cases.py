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
        sub.rmsprop_step(params, grads, state, **hyper)
    return {f"param_{i}": p for i, p in enumerate(originals)}


@case("defaults, one step: about 10 * lr * sign(g)", atol=1e-6, rtol=1e-5)
def one_step(sub):
    return optimise(sub, [(3, 4), (5,)], 1, seed=0)


@case("alpha 0.9, 10 steps", atol=1e-6, rtol=1e-5)
def alpha(sub):
    return optimise(sub, [(4, 3), (2, 2, 2)], 10, seed=1, lr=1e-2, alpha=0.9)


@case("tiny gradients (1e-9), float64: eps dominates the denominator", atol=1e-12, rtol=1e-10)
def tiny(sub):
    return optimise(sub, [(5, 5)], 10, seed=2, dtype=torch.float64, grad_scale=1e-9, lr=1e-3,
                    eps=1e-8)


@case("weight decay 0.1", atol=1e-6, rtol=1e-5)
def decay(sub):
    return optimise(sub, [(6,), ()], 10, seed=3, lr=1e-2, weight_decay=0.1)


@case("momentum 0.9, 10 steps", atol=1e-6, rtol=1e-5)
def momentum(sub):
    return optimise(sub, [(4, 4), (3,)], 10, seed=4, lr=1e-3, momentum=0.9)


@case("centered, 10 steps", atol=1e-6, rtol=1e-5)
def centered(sub):
    return optimise(sub, [(4, 4), (3,)], 10, seed=5, lr=1e-3, alpha=0.9, centered=True)


@case("float64, 25 steps, centered + momentum + weight decay, eps 1e-6", atol=1e-12,
      rtol=1e-10, strict_dtype=True)
def float64_all(sub):
    return optimise(sub, [(), (7,), (2, 3)], 25, seed=6, dtype=torch.float64, lr=3e-3, alpha=0.95,
                    eps=1e-6, weight_decay=0.05, momentum=0.8, centered=True)


@case("two optimisers with separate state dicts, interleaved", atol=1e-12, rtol=1e-10)
def two_states(sub):
    g = torch.Generator().manual_seed(7)
    a = [torch.randn(4, generator=g, dtype=torch.float64)]
    b = [torch.randn(3, 2, generator=g, dtype=torch.float64)]
    originals = (a[0], b[0])
    state_a: dict = {}
    state_b: dict = {}
    for i in range(6):
        sub.rmsprop_step(a, [torch.randn(4, generator=g, dtype=torch.float64)], state_a,
                         lr=1e-2, momentum=0.5)
        if i % 3 == 2:
            sub.rmsprop_step(b, [torch.randn(3, 2, generator=g, dtype=torch.float64)], state_b,
                             lr=1e-2, momentum=0.5)
    return {"a": originals[0], "b": originals[1]}
