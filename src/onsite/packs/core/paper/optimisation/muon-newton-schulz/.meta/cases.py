import torch

from onsite.judge.cases import case


def randn(*shape, seed, dtype=torch.float64, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype) * scale


@case("Newton-Schulz on a square 8x8 (float64)", atol=1e-10, rtol=1e-8)
def ns_square(sub):
    return {"X": sub.newton_schulz(randn(8, 8, seed=0))}


@case("Newton-Schulz on a tall 12x5 and a wide 4x10 (float64)", atol=1e-10, rtol=1e-8)
def ns_rectangular(sub):
    return {"tall": sub.newton_schulz(randn(12, 5, seed=1)),
            "wide": sub.newton_schulz(randn(4, 10, seed=2))}


@case("Newton-Schulz in float32 stays float32 (32x16)", atol=1e-5, rtol=1e-4,
      strict_dtype=True)
def ns_float32(sub):
    # float32 rounding through 5 quintic steps: about 1e-6 from the float64 result.
    return {"X": sub.newton_schulz(randn(32, 16, seed=3, dtype=torch.float32))}


@case("steps 0, 1 and 3: normalisation alone, then each iterate", atol=1e-10, rtol=1e-8)
def ns_steps(sub):
    G = randn(6, 9, seed=4)
    return {f"steps={s}": sub.newton_schulz(G, steps=s) for s in (0, 1, 3)}


@case("scale: G times 1e6 gives the same result; a zero matrix gives zeros", atol=1e-9,
      rtol=1e-8)
def ns_scale(sub):
    G = randn(5, 7, seed=5)
    return {"G": sub.newton_schulz(G), "1e6 G": sub.newton_schulz(G * 1e6),
            "zeros": sub.newton_schulz(torch.zeros(3, 4, dtype=torch.float64))}


@case("one Muon step on a square and a tall matrix (float64)", atol=1e-10, rtol=1e-8)
def one_step(sub):
    params = [randn(6, 6, seed=6), randn(10, 4, seed=7)]
    originals = list(params)
    grads = [randn(6, 6, seed=8), randn(10, 4, seed=9)]
    sub.muon_step(params, grads, {}, lr=0.02)
    return {"square": originals[0], "tall": originals[1]}


@case("5 steps with Nesterov momentum and weight decay on a wide matrix (float64)",
      atol=1e-10, rtol=1e-8)
def five_steps(sub):
    p = randn(4, 9, seed=10)
    original = p
    state: dict = {}
    for t in range(5):
        sub.muon_step([p], [randn(4, 9, seed=20 + t)], state, lr=0.05, weight_decay=0.1)
    return {"param": original}


@case("5 steps without Nesterov, momentum 0.9 (float64)", atol=1e-10, rtol=1e-8)
def plain_momentum(sub):
    p = randn(7, 5, seed=11)
    original = p
    state: dict = {}
    for t in range(5):
        sub.muon_step([p], [randn(7, 5, seed=30 + t)], state, lr=0.05, momentum=0.9,
                      nesterov=False)
    return {"param": original}


@case("float32, 3 steps, ns_steps=3, two parameters with separate buffers", atol=1e-5,
      rtol=1e-4, strict_dtype=True)
def float32_steps(sub):
    params = [randn(8, 8, seed=12, dtype=torch.float32), randn(16, 8, seed=13,
                                                              dtype=torch.float32)]
    originals = list(params)
    state: dict = {}
    for t in range(3):
        grads = [randn(8, 8, seed=40 + t, dtype=torch.float32),
                 randn(16, 8, seed=50 + t, dtype=torch.float32)]
        sub.muon_step(params, grads, state, lr=0.01, weight_decay=0.05, ns_steps=3)
    return {"square": originals[0], "tall": originals[1]}
