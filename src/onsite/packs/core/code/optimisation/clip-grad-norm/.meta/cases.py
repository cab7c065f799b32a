import torch

from onsite.judge.cases import case


def grads_of(shapes, *, seed, dtype=torch.float32, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    return [torch.randn(s, generator=g, dtype=dtype) * scale for s in shapes]


def clip(sub, grads, max_norm, **kwargs):
    originals = list(grads)  # in place: these very tensors must change
    total = sub.clip_grad_norm(grads, max_norm, **kwargs)
    out = {"total_norm": total}
    out.update({f"grad_{i}": g for i, g in enumerate(originals)})
    return out


@case("global L2 norm above max_norm: everything is scaled", atol=1e-6, rtol=1e-5)
def above(sub):
    return clip(sub, grads_of([(3, 4), (5,), (2, 2, 2)], seed=0), 1.0)


@case("norm below max_norm: gradients untouched, norm still returned", atol=1e-6, rtol=1e-5)
def below(sub):
    return clip(sub, grads_of([(3, 4), (5,)], seed=1, scale=0.1), 10.0)


@case("one big tensor and several small ones: one common factor", atol=1e-6, rtol=1e-5)
def unbalanced(sub):
    grads = grads_of([(6, 6), (3,), (2,), ()], seed=2)
    grads[0].mul_(100.0)
    return clip(sub, grads, 5.0)


@case("a single tensor", atol=1e-6, rtol=1e-5)
def single(sub):
    return clip(sub, grads_of([(7, 3)], seed=3), 0.5)


@case("norm_type inf: the largest absolute entry", atol=1e-6, rtol=1e-5)
def inf_norm(sub):
    return clip(sub, grads_of([(4, 4), (6,)], seed=4, scale=3.0), 1.0, norm_type=float("inf"))


@case("norm_type 1", atol=1e-6, rtol=1e-5)
def l1(sub):
    return clip(sub, grads_of([(4, 4), (6,)], seed=5), 2.0, norm_type=1.0)


@case("norm_type 3, float64", atol=1e-12, rtol=1e-10)
def l3(sub):
    return clip(sub, grads_of([(4, 4), (6,)], seed=6, dtype=torch.float64), 0.7, norm_type=3.0)


@case("tiny gradients (norm ~1e-6): the +1e-6 in the denominator matters, float64",
      atol=1e-18, rtol=1e-10)
def tiny(sub):
    # atol 1e-18: the clipped entries are ~1e-7, so only the relative tolerance counts.
    return clip(sub, grads_of([(3,), (2, 2)], seed=7, dtype=torch.float64, scale=5e-7), 1e-6)


@case("float64 with 0-d tensors and large values", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    return clip(sub, grads_of([(), (5,), (), (3, 3)], seed=8, dtype=torch.float64, scale=1e6),
                3.0)
