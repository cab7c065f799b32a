"""Cross-checks for inference/continuous-batching-scheduler: the reference against a
differently written simulator (time-indexed event tables instead of queues), plus invariants
checked directly on random workloads: budget and batch limits, FCFS admission, no idling
while the head would fit, exact durations."""

from __future__ import annotations

import random

import pytest
from itemload import reference, wrong

ITEM = "inference/continuous-batching-scheduler"
ref = reference(ITEM)


def oracle(requests, kv_budget, max_batch):
    n = len(requests)
    queue = sorted(range(n), key=lambda i: (requests[i][0], i))
    need = [p + m for _, p, m, _ in requests]
    start, finish = [None] * n, [None] * n
    head = 0
    frees_after = {}  # step -> tokens released at the end of that step
    ends_after = {}   # step -> requests leaving at the end of that step
    reserved, running = 0, 0
    sizes, kv = [], []
    s = 0
    while head < n or running:
        while (head < n and requests[queue[head]][0] <= s and running < max_batch
               and reserved + need[queue[head]] <= kv_budget):
            i = queue[head]
            head += 1
            start[i] = s
            finish[i] = s + requests[i][3] - 1
            frees_after[finish[i]] = frees_after.get(finish[i], 0) + need[i]
            ends_after[finish[i]] = ends_after.get(finish[i], 0) + 1
            reserved += need[i]
            running += 1
        sizes.append(running)
        kv.append(reserved)
        reserved -= frees_after.pop(s, 0)
        running -= ends_after.pop(s, 0)
        s += 1
    return {"start": start, "finish": finish, "batch_size": sizes, "kv_reserved": kv}


def workload(seed, n=150):
    rng = random.Random(seed)
    reqs = []
    for _ in range(n):
        m = rng.randint(1, 25)
        out = rng.randint(1, m) if rng.random() < 0.4 else m
        reqs.append((rng.randint(0, 120), rng.randint(1, 30), m, out))
    return reqs


def check_invariants(reqs, budget, max_batch, out):
    n = len(reqs)
    need = [p + m for _, p, m, _ in reqs]
    S = len(out["batch_size"])
    for i in range(n):
        assert out["start"][i] >= reqs[i][0]
        assert out["finish"][i] - out["start"][i] + 1 == reqs[i][3]
    for s in range(S):
        live = [i for i in range(n) if out["start"][i] <= s <= out["finish"][i]]
        assert out["batch_size"][s] == len(live) <= max_batch
        assert out["kv_reserved"][s] == sum(need[i] for i in live) <= budget
    fcfs = sorted(range(n), key=lambda i: (reqs[i][0], i))
    starts = [out["start"][i] for i in fcfs]
    assert starts == sorted(starts)  # admitted in queue order
    # work conservation: a waiting head at step s could not have fitted
    for s in range(S):
        waiting = [i for i in fcfs if reqs[i][0] <= s < out["start"][i]]
        if waiting:
            head = waiting[0]
            live = [i for i in range(n) if out["start"][i] <= s <= out["finish"][i]]
            assert (len(live) >= max_batch
                    or sum(need[i] for i in live) + need[head] > budget)
    assert S == (max(out["finish"]) + 1 if n else 0)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("budget,max_batch", [(60, 4), (200, 16), (1000, 3), (55, 100)])
def test_matches_oracle_and_invariants(seed, budget, max_batch):
    reqs = workload(seed)
    out = ref.schedule(reqs, budget, max_batch)
    assert out == oracle(reqs, budget, max_batch)
    check_invariants(reqs, budget, max_batch, out)


def test_empty():
    assert ref.schedule([], 10, 2) == {"start": [], "finish": [], "batch_size": [],
                                       "kv_reserved": []}


@pytest.mark.parametrize("name", ["static_batching", "budget_counts_prompt_only",
                                  "skips_blocked_head", "frees_one_step_late",
                                  "prefill_step_generates_nothing", "ignores_early_stop"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    reqs = workload(0)
    assert bad.schedule(reqs, 60, 4) != oracle(reqs, 60, 4)
