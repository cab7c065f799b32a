import torch

from onsite.judge.cases import case


def ints(N, L, *, seed):
    return torch.randint(-50, 50, (N, L), generator=torch.Generator().manual_seed(seed))


def randn(N, L, *, seed, dtype):
    return torch.randn(N, L, generator=torch.Generator().manual_seed(seed), dtype=dtype)


def observe(sub, buffers):
    result, log = sub.ring_all_reduce(buffers)
    # Plain ints: a log built from numpy or torch integers would not serialise.
    log = [[x if isinstance(x, str) else int(x) for x in entry] for entry in log]
    N, L = buffers.shape
    sent = [sum(int(e[5]) for e in log if len(e) == 6 and e[2] == w) for w in range(N)]
    return {"result": result, "log": log, "elements sent per worker": sent,
            "fraction of L sent per worker": [s / L for s in sent]}


@case("4 workers, L = 8 (int64: exact sums)", atol=0, rtol=0)
def even(sub):
    return observe(sub, ints(4, 8, seed=0))


@case("3 workers, L = 10: uneven chunks 4, 3, 3 (float64)", atol=1e-12, rtol=1e-12)
def uneven(sub):
    return observe(sub, randn(3, 10, seed=1, dtype=torch.float64))


@case("8 workers, L = 64 (float32): each sends 2(N-1)/N = 1.75 of its data", atol=1e-5, rtol=1e-5)
def eight(sub):
    return observe(sub, randn(8, 64, seed=2, dtype=torch.float32))


@case("1 worker: nothing is sent, the result is a copy", atol=0, rtol=0)
def single(sub):
    return observe(sub, ints(1, 5, seed=3))


@case("2 workers, L = 5", atol=0, rtol=0)
def two(sub):
    return observe(sub, ints(2, 5, seed=4))


@case("5 workers, L = 3: two empty chunks are still sent", atol=0, rtol=0)
def short(sub):
    return observe(sub, ints(5, 3, seed=5))


@case("the input buffers are left untouched", atol=0, rtol=0)
def untouched(sub):
    buffers = ints(3, 7, seed=6)
    before = buffers.clone()
    result, _ = sub.ring_all_reduce(buffers)
    return {"result": result, "input after the call": buffers,
            "input unchanged": bool(torch.equal(before, buffers))}


@case("6 workers, L = 20 (float64)", atol=1e-12, rtol=1e-12)
def six(sub):
    return observe(sub, randn(6, 20, seed=7, dtype=torch.float64))
