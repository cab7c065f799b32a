import torch

from onsite.judge.cases import case


def rewards(n, *, seed, dtype=torch.float32, binary=False):
    g = torch.Generator().manual_seed(seed)
    if binary:
        return (torch.rand(n, generator=g) < 0.5).to(dtype)
    return torch.randn(n, generator=g, dtype=dtype) * 2


@case("the worked example, k = 4", atol=1e-6, rtol=1e-5)
def example(sub):
    r = torch.tensor([1.0, 0.0, 0.5, 0.5, 2.0, 4.0, 0.0, 2.0])
    return {"advantages": sub.rloo_advantages(r, 4)}


@case("k = 2: each advantage is the difference with the sibling", atol=1e-6, rtol=1e-5)
def pairs(sub):
    return {"advantages": sub.rloo_advantages(rewards(10, seed=0), 2)}


@case("binary rewards, k = 8, six prompts", atol=1e-6, rtol=1e-5)
def binary(sub):
    return {"advantages": sub.rloo_advantages(rewards(48, seed=1, binary=True), 8)}


@case("k = 3, continuous rewards (float64)", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    return {"advantages": sub.rloo_advantages(rewards(15, seed=2, dtype=torch.float64), 3)}


@case("k = 1: all zeros", atol=0, rtol=0)
def single(sub):
    out = sub.rloo_advantages(rewards(5, seed=3), 1)
    return {"advantages": out, "dtype": str(out.dtype)}


@case("one group whose rewards are all equal: zeros; one group of size 16", atol=1e-6, rtol=1e-5)
def equal_and_large(sub):
    equal = torch.full((5,), 0.7)
    return {"equal": sub.rloo_advantages(equal, 5),
            "one group of 16": sub.rloo_advantages(rewards(16, seed=4), 16)}


@case("large reward offsets (around 1e3)", atol=1e-3, rtol=1e-5)
def offset(sub):
    # Advantages are of order 1 on rewards of order 1e3: atol 1e-3 is float32 rounding of the sums.
    return {"advantages": sub.rloo_advantages(rewards(12, seed=5) + 1000.0, 4)}
