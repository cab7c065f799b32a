from onsite.judge.cases import case


def raised(fn, *args, **kwargs):
    """Call fn and return the name of the exception it raised, or 'no error'."""
    try:
        fn(*args, **kwargs)
    except Exception as exc:  # the observable is which error it was
        return type(exc).__name__
    return "no error"


def plain(pairs):
    return [list(p) for p in pairs]


@case("best by min and max, ties broken by the smaller run id")
def best_ties(sub):
    t = sub.ExperimentTracker()
    t.log("b", "loss", 0.5, 1)
    t.log("a", "loss", 0.5, 2)
    t.log("c", "loss", 0.75, 1)
    t.log("c", "acc", 0.9, 1)
    t.log("d", "acc", 0.9, 1)
    return {"min": t.best("loss"), "max": t.best("loss", mode="max"),
            "acc": t.best("acc", mode="max")}


@case("a run's score is its best value over all steps, not its latest")
def best_over_steps(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 2.0, 0)
    t.log("a", "loss", 0.25, 5)
    t.log("a", "loss", 1.0, 9)
    t.log("b", "loss", 0.5, 9)
    return {"best": t.best("loss"), "max": t.best("loss", mode="max"),
            "top": plain(t.top_k("loss", 2))}


@case("top_k orders best first with ties by run id; k beyond the runs, and k = 0")
def top_k(sub):
    t = sub.ExperimentTracker()
    for run, value in (("r3", 0.5), ("r1", 0.75), ("r2", 0.5), ("r4", 0.25)):
        t.log(run, "acc", value, 1)
    return {"max3": plain(t.top_k("acc", 3, mode="max")),
            "min_all": plain(t.top_k("acc", 10)), "zero": plain(t.top_k("acc", 0)),
            "count": len(t.top_k("acc", 10))}


@case("a metric nobody logged: best None, top_k empty, summary None")
def empty(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 1.0, 0)
    return {"best": t.best("acc"), "top": plain(t.top_k("acc", 3)),
            "summary": t.summary("a", "acc"), "unknown_run": t.summary("zz", "loss"),
            "real": list(t.summary("a", "loss"))}


@case("summary counts each step once (overwrites replace) and gives min, max, mean")
def summary(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 4.0, 0)
    t.log("a", "loss", 3.0, 1)
    t.log("a", "loss", 1.0, 1)
    t.log("a", "loss", 2.5, 2)
    return {"summary": list(t.summary("a", "loss"))}


@case("bad mode or negative k raises ValueError")
def bad_args(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 1.0, 0)
    return {"errors": [raised(t.best, "loss", mode="median"),
                       raised(t.top_k, "loss", 2, mode="avg"),
                       raised(t.top_k, "loss", -1), raised(t.top_k, "loss", 1)]}


@case("deleted runs no longer compete")
def deleted(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 0.125, 0)
    t.log("b", "loss", 0.5, 0)
    before = t.best("loss")
    t.delete_run("a")
    return {"before": before, "after": t.best("loss"), "top": plain(t.top_k("loss", 5))}
