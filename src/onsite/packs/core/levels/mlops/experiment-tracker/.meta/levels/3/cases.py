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


@case("tag and untag report whether they changed anything; tags are sorted")
def tagging(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 1.0, 0, timestamp=5)
    out = [t.tag("a", "sweep"), t.tag("a", "baseline"), t.tag("a", "sweep"), t.tag("zz", "x"),
           t.untag("a", "nope"), t.untag("a", "baseline"), t.untag("zz", "x")]
    return {"results": out, "tags": t.tags("a"), "unknown": t.tags("zz")}


@case("find_runs by tag and by window [start, end): the end is excluded")
def find_window(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 1.0, 0, timestamp=10)
    t.log("b", "loss", 1.0, 0, timestamp=20)
    t.log("c", "loss", 1.0, 0, timestamp=30)
    t.log("c", "acc", 0.5, 0, timestamp=12)
    t.tag("a", "lr")
    t.tag("c", "lr")
    return {"tag": t.find_runs(tag="lr"), "window": t.find_runs(start=10, end=20),
            "from": t.find_runs(start=20), "until": t.find_runs(end=11),
            "both": t.find_runs(tag="lr", start=11, end=13), "all": t.find_runs(),
            "none": t.find_runs(tag="missing")}


@case("best and top_k restricted to a tag and a window")
def best_filtered(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 0.25, 1, timestamp=100)
    t.log("a", "loss", 0.75, 2, timestamp=200)
    t.log("b", "loss", 0.5, 1, timestamp=150)
    t.log("c", "loss", 0.125, 1, timestamp=300)
    t.tag("a", "ft")
    t.tag("b", "ft")
    return {"all": t.best("loss"), "tag": t.best("loss", tag="ft"),
            "late": t.best("loss", tag="ft", start=120),
            "window": plain(t.top_k("loss", 5, start=150, end=301)),
            "empty": t.best("loss", start=400), "empty_top": plain(t.top_k("loss", 2, end=50))}


@case("an overwrite moves the point to its new timestamp")
def overwrite_moves(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 1.0, 3, timestamp=10)
    t.log("a", "loss", 0.5, 3, timestamp=50)
    t.log("b", "loss", 2.0, 0, timestamp=12)
    return {"early": t.find_runs(start=0, end=20), "late": t.find_runs(start=40),
            "best_early": t.best("loss", end=20), "best_late": t.best("loss", start=40)}


@case("deleting a run drops its tags; calls without a timestamp log at time 0")
def delete_tags(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 1.0, 0, timestamp=7)
    t.tag("a", "keep")
    t.delete_run("a")
    t.log("a", "loss", 2.0, 0)
    return {"tags": t.tags("a"), "tagged": t.find_runs(tag="keep"),
            "at_zero": t.find_runs(end=1), "after_zero": t.find_runs(start=1)}


@case("a negative timestamp raises ValueError; bad mode still does")
def bad_timestamp(sub):
    t = sub.ExperimentTracker()
    errors = [raised(t.log, "a", "loss", 1.0, 0, timestamp=-5),
              raised(t.log, "a", "loss", 1.0, 0, timestamp=5),
              raised(t.best, "loss", mode="mean", tag="x")]
    return {"errors": errors, "runs": t.runs()}
