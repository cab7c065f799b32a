import numpy as np

from onsite.judge.cases import case


def logits(*shape, seed, scale=1.0, dtype=np.float64):
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype(dtype)


def both(sub, x, **kwargs):
    return {"softmax": sub.softmax(x.copy(), **kwargs), "log_softmax": sub.log_softmax(x.copy(), **kwargs)}


@case("rows of a (4, 6) batch", atol=1e-12, rtol=1e-10)
def rows(sub):
    return both(sub, logits(4, 6, seed=0, scale=2.0))


@case("axis=0 and axis=1 of a (3, 5, 4) array", atol=1e-12, rtol=1e-10)
def other_axes(sub):
    x = logits(3, 5, 4, seed=1, scale=2.0)
    out = {f"{k} (axis=0)": v for k, v in both(sub, x, axis=0).items()}
    out.update({f"{k} (axis=1)": v for k, v in both(sub, x, axis=1).items()})
    return out


@case("temperatures 0.25 and 3.0", atol=1e-12, rtol=1e-10)
def temperatures(sub):
    x = logits(3, 7, seed=2, scale=2.0)
    out = {f"{k} (T=0.25)": v for k, v in both(sub, x, temperature=0.25).items()}
    out.update({f"{k} (T=3.0)": v for k, v in both(sub, x, temperature=3.0).items()})
    return out


@case("huge logits (scale 1e4), float64", atol=1e-9, rtol=1e-12)
def huge64(sub):
    # exp(1e4) overflows; the log-probabilities are of order 1e4, so atol 1e-9 is ~1e-13 relative.
    return both(sub, logits(5, 4, seed=3, scale=1e4))


@case("huge logits (scale 1e4) at T=0.5, float32 in, float32 out", atol=2e-3, rtol=1e-6,
      strict_dtype=True)
def huge32(sub):
    # float32 log-probabilities of order 2e4 carry ~2e-3 absolute rounding: hence atol 2e-3.
    return both(sub, logits(5, 4, seed=4, scale=1e4, dtype=np.float32), temperature=0.5)


@case("gap of 1000 in one row: log-softmax stays finite", atol=1e-10, rtol=1e-12)
def big_gap(sub):
    x = np.array([[1000.0, 0.0, -5.0], [3.0, 3.0, -997.0], [0.0, 1.0, 2.0]])
    return both(sub, x)


@case("masked (-inf) entries, including all-but-one", atol=1e-12, rtol=1e-10)
def masked(sub):
    x = logits(4, 5, seed=5, scale=2.0)
    x[0, [1, 3]] = -np.inf
    x[1, :4] = -np.inf
    x[3, 0] = -np.inf
    return both(sub, x, temperature=0.7)


@case("a single entry along the axis", atol=1e-12, rtol=1e-10)
def single(sub):
    x = logits(3, 1, seed=6, scale=50.0)
    return both(sub, x)


@case("float32 rows keep float32", atol=1e-6, rtol=1e-5, strict_dtype=True)
def float32(sub):
    return both(sub, logits(3, 8, seed=7, scale=3.0, dtype=np.float32), axis=1)
