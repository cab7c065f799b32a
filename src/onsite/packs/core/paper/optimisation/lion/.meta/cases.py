import torch

from onsite.judge.cases import case


def optimise(sub, shapes, steps, *, seed, dtype=torch.float64, grad_scale=1.0, zero_first=False,
             **hyper):
    """Run `steps` calls on seeded params with seeded grads; observe the original tensors."""
    g = torch.Generator().manual_seed(seed)
    params = [torch.randn(s, generator=g, dtype=dtype) for s in shapes]
    originals = list(params)
    state: dict = {}
    for step in range(steps):
        grads = [torch.randn(s, generator=g, dtype=dtype) * grad_scale for s in shapes]
        if zero_first and step == 0:
            grads = [torch.zeros_like(x) for x in grads]
        sub.lion_step(params, grads, state, **hyper)
    return {f"param_{i}": p for i, p in enumerate(originals)}


@case("one step, two tensors, no decay: every coordinate moves by lr", atol=1e-12, rtol=1e-12)
def one_step(sub):
    return optimise(sub, [(3, 4), (5,)], 1, seed=0, lr=1e-2)


@case("worked example: two scalar steps with weight decay", atol=1e-12, rtol=1e-12)
def worked_example(sub):
    p = torch.tensor(1.0, dtype=torch.float64)
    state: dict = {}
    sub.lion_step([p], [torch.tensor(-2.0, dtype=torch.float64)], state, lr=0.1,
                  weight_decay=0.5)
    first = p.item()
    sub.lion_step([p], [torch.tensor(0.1, dtype=torch.float64)], state, lr=0.1,
                  weight_decay=0.5)
    return {"after step 1": first, "after step 2": p.item()}


@case("10 steps, weight_decay=0, with a 0-d tensor", atol=1e-12, rtol=1e-12)
def ten_steps(sub):
    return optimise(sub, [(), (6,), (2, 3)], 10, seed=1, lr=1e-2)


@case("50 steps, lr=3e-3, weight_decay=1.0 (float64)", atol=1e-12, rtol=1e-12)
def fifty_steps(sub):
    return optimise(sub, [(8, 4), (4,)], 50, seed=2, lr=3e-3, weight_decay=1.0)


@case("zero gradient on the first step: sign(0) = 0, only the decay moves", atol=1e-12,
      rtol=1e-12)
def zero_first(sub):
    return optimise(sub, [(3, 3), (4,)], 3, seed=3, zero_first=True, lr=1e-2,
                    weight_decay=0.1)


@case("sparse gradients: exact zeros at step 1 leave those coordinates alone", atol=1e-12,
      rtol=1e-12)
def sparse(sub):
    g = torch.Generator().manual_seed(4)
    p = torch.randn(4, 5, generator=g, dtype=torch.float64)
    original = p
    grad = torch.randn(4, 5, generator=g, dtype=torch.float64)
    grad[:, ::2] = 0.0
    sub.lion_step([p], [grad], {}, lr=0.05)
    return {"param": original}


@case("float32, betas=(0.95, 0.98), 10 steps", atol=1e-6, rtol=1e-6, strict_dtype=True)
def float32_custom(sub):
    return optimise(sub, [(4, 4), (3,)], 10, seed=5, dtype=torch.float32, lr=1e-2,
                    betas=(0.95, 0.98), weight_decay=0.05)


@case("gradient scale does not matter (1e-6 vs 1e3 give the same steps)", atol=1e-12,
      rtol=1e-12)
def scale_free(sub):
    small = optimise(sub, [(5, 5)], 5, seed=6, grad_scale=1e-6, lr=1e-2)
    big = optimise(sub, [(5, 5)], 5, seed=6, grad_scale=1e3, lr=1e-2)
    return {"grad scale 1e-6": small["param_0"], "grad scale 1e3": big["param_0"]}


@case("two optimisers with separate state dicts, interleaved", atol=1e-12, rtol=1e-12)
def two_states(sub):
    g = torch.Generator().manual_seed(7)
    a = [torch.randn(4, generator=g, dtype=torch.float64)]
    b = [torch.randn(3, 2, generator=g, dtype=torch.float64)]
    originals = (a[0], b[0])
    state_a: dict = {}
    state_b: dict = {}
    for i in range(6):
        sub.lion_step(a, [torch.randn(4, generator=g, dtype=torch.float64)], state_a, lr=1e-2)
        if i % 3 == 2:
            sub.lion_step(b, [torch.randn(3, 2, generator=g, dtype=torch.float64)], state_b,
                          lr=1e-2)
    return {"a": originals[0], "b": originals[1]}
