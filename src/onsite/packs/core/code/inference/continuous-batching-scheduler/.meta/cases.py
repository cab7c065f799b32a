import random

from onsite.judge.cases import case


def run(sub, requests, kv_budget, max_batch):
    out = sub.schedule([tuple(r) for r in requests], kv_budget, max_batch)
    return {k: list(out[k]) for k in ("start", "finish", "batch_size", "kv_reserved")}


def random_requests(n, *, seed, horizon, prompt=(1, 40), new=(1, 30), eos_rate=0.3):
    rng = random.Random(seed)
    reqs = []
    for _ in range(n):
        max_new = rng.randint(*new)
        out_len = rng.randint(1, max_new) if rng.random() < eos_rate else max_new
        reqs.append((rng.randint(0, horizon), rng.randint(*prompt), max_new, out_len))
    return reqs


@case("the worked example: one request blocks at the head, then two join at once")
def worked(sub):
    return run(sub, [(0, 4, 3, 3), (0, 6, 5, 2), (1, 5, 4, 4), (1, 1, 1, 1)], 20, 4)


@case("everything arrives at step 0 and fits: one batch that shrinks as requests finish")
def all_fit(sub):
    return run(sub, [(0, 3, 5, 5), (0, 2, 2, 2), (0, 7, 4, 4), (0, 1, 8, 8)], 100, 8)


@case("head-of-line blocking: a large request holds back small ones behind it")
def head_of_line(sub):
    reqs = [(0, 10, 10, 10), (1, 12, 8, 8), (1, 1, 1, 1), (2, 1, 2, 2), (3, 2, 2, 2)]
    return run(sub, reqs, 30, 8)


@case("a request that fits the remaining budget exactly is admitted")
def exact_fit(sub):
    reqs = [(0, 5, 5, 5), (0, 6, 4, 4), (0, 1, 1, 1), (2, 9, 1, 1)]
    return run(sub, reqs, 20, 4)


@case("max_batch binds before the KV budget does")
def batch_limit(sub):
    reqs = [(0, 1, 3, 3), (0, 1, 2, 2), (0, 1, 4, 4), (0, 1, 1, 1), (1, 1, 2, 2), (1, 1, 1, 1)]
    return run(sub, reqs, 1000, 2)


@case("arrivals with idle gaps: steps with nothing running have batch size 0")
def idle_gaps(sub):
    return run(sub, [(3, 2, 2, 2), (10, 4, 3, 3), (10, 1, 1, 1), (20, 2, 1, 1)], 50, 4)


@case("early stops free the worst-case reservation as soon as they happen")
def early_stop(sub):
    reqs = [(0, 4, 20, 2), (0, 4, 20, 20), (0, 4, 20, 1), (1, 10, 10, 3), (1, 2, 2, 2)]
    return run(sub, reqs, 50, 8)


@case("input not sorted by arrival; same-step arrivals keep their input order")
def unsorted(sub):
    reqs = [(4, 3, 2, 2), (0, 5, 5, 5), (4, 2, 1, 1), (2, 6, 3, 3), (0, 1, 1, 1),
            (4, 9, 2, 2)]
    return run(sub, reqs, 16, 3)


@case("no requests, and a single one-token request")
def tiny(sub):
    empty = run(sub, [], 10, 2)
    one = run(sub, [(2, 3, 1, 1)], 4, 1)
    return {**{f"empty {k}": v for k, v in empty.items()},
            **{f"one {k}": v for k, v in one.items()}}


@case("300 random requests over 200 steps, budget 400 tokens, at most 12 running")
def stress(sub):
    return run(sub, random_requests(300, seed=0, horizon=200), 400, 12)


@case("200 random requests, tight budget 80 tokens (frequent blocking)")
def stress_tight(sub):
    reqs = random_requests(200, seed=1, horizon=100, prompt=(1, 30), new=(1, 40), eos_rate=0.5)
    return run(sub, reqs, 80, 64)
