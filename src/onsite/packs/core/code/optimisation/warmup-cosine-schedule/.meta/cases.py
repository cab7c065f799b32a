from onsite.judge.cases import case


def schedule(sub, total, warmup, max_lr, min_lr=0.0, extra=3):
    """Every step of the run and a few past its end, as one list of floats."""
    lrs = [float(sub.warmup_cosine_lr(s, total, warmup, max_lr, min_lr))
           for s in range(total + extra)]
    return {"lr": lrs}


@case("T=20, W=5, max 1e-3, min 0", atol=1e-15, rtol=1e-12)
def typical(sub):
    return schedule(sub, 20, 5, 1e-3)


@case("T=50, W=10, min_lr 1e-4 (floor above zero)", atol=1e-15, rtol=1e-12)
def with_floor(sub):
    return schedule(sub, 50, 10, 3e-3, 1e-4)


@case("the example: T=8, W=3, max 1, min 0.1", atol=1e-15, rtol=1e-12)
def example(sub):
    return schedule(sub, 8, 3, 1.0, 0.1)


@case("no warmup (W=0): step 0 is already on the cosine", atol=1e-15, rtol=1e-12)
def no_warmup(sub):
    return schedule(sub, 12, 0, 0.5, 0.05)


@case("W=1: step 0 is the peak", atol=1e-15, rtol=1e-12)
def warmup_one(sub):
    return schedule(sub, 10, 1, 2.0, 0.0)


@case("W=T: warmup only, the run ends at max_lr", atol=1e-15, rtol=1e-12)
def warmup_only(sub):
    return schedule(sub, 6, 6, 1.0, 0.2)


@case("one-step decay: T=4, W=3", atol=1e-15, rtol=1e-12)
def one_decay_step(sub):
    return schedule(sub, 4, 3, 1.0, 0.25)


@case("long run: T=1000, W=100, sampled every step", atol=1e-15, rtol=1e-12)
def long_run(sub):
    return schedule(sub, 1000, 100, 6e-4, 6e-5, extra=10)


@case("a single-step run, T=1, with W=0 and with W=1", atol=1e-15, rtol=1e-12)
def single_step(sub):
    return {"lr (W=0)": schedule(sub, 1, 0, 1.0, 0.1)["lr"],
            "lr (W=1)": schedule(sub, 1, 1, 1.0, 0.1)["lr"]}
