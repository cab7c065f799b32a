from onsite.judge.cases import case

PSI = 7_500_000_000


def by_stage(sub, num_params, n_gpus):
    """One list per part, indexed by stage 0..3, so each observable has four distinct values."""
    results = [sub.zero_memory(num_params, n_gpus, stage) for stage in range(4)]
    return {f"{key} by stage": [float(r[key]) if key in r else None for r in results]
            for key in ("params", "grads", "optimizer", "total")}


@case("the paper's example: 7.5B parameters on 64 GPUs, stages 0 to 3", atol=0.5, rtol=1e-12)
def paper(sub):
    # atol of half a byte: the values are whole or fractional bytes of size ~1e10.
    return by_stage(sub, PSI, 64)


@case("one GPU: every stage is plain data parallelism", atol=0.5, rtol=1e-12)
def one_gpu(sub):
    return by_stage(sub, 1_300_000_000, 1)


@case("N that does not divide: 1000 parameters on 3 GPUs", atol=1e-9, rtol=1e-12)
def fractional(sub):
    return by_stage(sub, 1000, 3)


@case("a 70B model on 1024 GPUs", atol=0.5, rtol=1e-12)
def large(sub):
    return by_stage(sub, 70 * 10**9, 1024)


@case("largest model that fits 80 GB, by stage and GPU count")
def fits(sub):
    budget = 80 * 10**9
    return {f"N={n}, stages 0-3": [int(sub.max_params(budget, n, stage)) for stage in range(4)]
            for n in (1, 8, 64, 1000)}


@case("max_params is an exact floor (budgets just around a boundary)")
def exact_floor(sub):
    # Stage 3 on 3 GPUs: 16/3 bytes per parameter, so 16 * k bytes fit exactly 3k parameters.
    # [16e9 bytes at stage 3, 16e9 - 1 at stage 3, 10**12 + 3 at stage 1 on 7 GPUs, 1 byte]
    return {"max_params": [sub.max_params(16 * 10**9, 3, 3), sub.max_params(16 * 10**9 - 1, 3, 3),
                           sub.max_params(10**12 + 3, 7, 1), sub.max_params(1, 1, 0)]}
