from onsite.judge.cases import case


def raised(fn, *args, **kwargs):
    """Call fn and return the name of the exception it raised, or 'no error'."""
    try:
        fn(*args, **kwargs)
    except Exception as exc:  # the observable is which error it was
        return type(exc).__name__
    return "no error"


def plain(value):
    """Tuples to lists, recursively, so results compare as plain data."""
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


@case("best k by metric; ties go to the higher step; k beyond the count, and k = 0")
def best(sub):
    s = sub.CheckpointStore()
    for step, metric in ((1, 0.5), (2, 0.25), (3, 0.5), (4, 0.75)):
        s.save("r", step, 1, metric)
    return {"min": s.best("r", 2), "max": s.best("r", 3, mode="max"),
            "all": s.best("r", 10), "zero": s.best("r", 0), "unknown": s.best("x", 2)}


@case("keep_last prunes at once and after every save; save reports what it removed")
def keep_last(sub):
    s = sub.CheckpointStore()
    for step in (1, 2, 3, 4):
        s.save("r", step, 10, 1.0)
    pruned = s.set_retention("r", keep_last=2)
    saved = s.save("r", 5, 10, 1.0)
    return {"pruned": pruned, "saved": plain(saved), "steps": s.steps("r"),
            "total": s.total_size()}


@case("keep_last and keep_best keep the union of both sets")
def union(sub):
    s = sub.CheckpointStore()
    s.save("r", 1, 1, 0.25)
    s.save("r", 2, 1, 0.5)
    s.save("r", 3, 1, 0.75)
    pruned = s.set_retention("r", keep_last=1, keep_best=1, mode="max")
    first = s.save("r", 4, 1, 0.125)
    second = s.save("r", 5, 1, 0.875)
    return {"pruned": pruned, "first": plain(first), "second": plain(second),
            "steps": s.steps("r")}


@case("a policy is per run; a worse new checkpoint can drop itself; clearing stops it")
def per_run(sub):
    s = sub.CheckpointStore()
    s.set_retention("a", keep_best=1)
    a1 = s.save("a", 1, 1, 2.0)
    a2 = s.save("a", 2, 1, 1.0)
    worse = s.save("a", 4, 1, 3.0)
    b = [s.save("b", step, 1, 1.0) for step in (1, 2, 3)]
    cleared = s.set_retention("a")
    a3 = s.save("a", 3, 1, 5.0)
    return {"saves": plain([a1, a2, worse, *b, a3]), "cleared": cleared,
            "steps": [s.steps("a"), s.steps("b")]}


@case("bad arguments raise ValueError and leave the old policy in force")
def invalid(sub):
    s = sub.CheckpointStore()
    s.set_retention("r", keep_last=1)
    errors = [raised(s.set_retention, "r", keep_last=0),
              raised(s.set_retention, "r", keep_best=-1),
              raised(s.set_retention, "r", keep_best=2, mode="median"),
              raised(s.best, "r", -1), raised(s.best, "r", 1, mode="mean")]
    s.save("r", 1, 1, 1.0)
    saved = s.save("r", 2, 1, 1.0)
    return {"errors": errors, "saved": plain(saved), "steps": s.steps("r")}


@case("overwriting a checkpoint re-ranks it under keep_best")
def overwrite_rerank(sub):
    s = sub.CheckpointStore()
    s.set_retention("r", keep_best=2)
    s.save("r", 1, 1, 0.5)
    s.save("r", 2, 1, 0.25)
    replaced = s.save("r", 1, 1, 0.75)
    third = s.save("r", 3, 1, 0.5)
    return {"replaced": plain(replaced), "third": plain(third), "steps": s.steps("r"),
            "best": s.best("r", 5)}
