from onsite.judge.cases import case


def raised(fn, *args, **kwargs):
    """Call fn and return the name of the exception it raised, or 'no error'."""
    try:
        fn(*args, **kwargs)
    except Exception as exc:  # the observable is which error it was
        return type(exc).__name__
    return "no error"


@case("the worked example")
def example(sub):
    t = sub.ExperimentTracker()
    t.log("run-b", "loss", 2.5, 0)
    t.log("run-b", "loss", 1.5, 10)
    t.log("run-a", "loss", 3.0, 0)
    return {"get": [t.get("run-b", "loss", 10), t.get("run-b", "loss", 5)],
            "latest": t.latest("run-b", "loss"), "runs": t.runs()}


@case("re-logging a step overwrites it; latest means the highest step, not the last call")
def overwrite_latest(sub):
    t = sub.ExperimentTracker()
    t.log("r", "acc", 0.5, 7)
    t.log("r", "acc", 0.25, 3)
    t.log("r", "acc", 0.75, 7)
    t.log("r", "acc", 0.125, 0)
    return {"latest": t.latest("r", "acc"), "step3": t.get("r", "acc", 3),
            "step7": t.get("r", "acc", 7), "step0": t.get("r", "acc", 0)}


@case("unknown runs, metrics and steps give None or False, never an error")
def unknown(sub):
    t = sub.ExperimentTracker()
    t.log("r", "loss", 1.0, 1)
    return {"missing": [t.get("x", "loss", 1), t.get("r", "acc", 1), t.get("r", "loss", 2),
                        t.latest("x", "loss"), t.latest("r", "acc")],
            "delete_unknown": t.delete_run("x"), "runs": t.runs(), "kept": t.get("r", "loss", 1)}


@case("deleting a run removes all of it; logging again starts it afresh")
def delete_relog(sub):
    t = sub.ExperimentTracker()
    t.log("r", "loss", 4.0, 1)
    t.log("r", "acc", 0.5, 1)
    t.log("s", "loss", 2.0, 1)
    first = t.delete_run("r")
    second = t.delete_run("r")
    after_delete = t.runs()
    t.log("r", "acc", 0.75, 2)
    return {"deleted": [first, second], "after_delete": after_delete, "runs": t.runs(),
            "old": [t.get("r", "loss", 1), t.get("r", "acc", 1)],
            "new": t.get("r", "acc", 2)}


@case("a negative step raises ValueError and records nothing")
def bad_step(sub):
    t = sub.ExperimentTracker()
    errors = [raised(t.log, "r", "loss", 1.0, -1), raised(t.log, "r", "loss", 1.0, 0)]
    return {"errors": errors, "runs": t.runs(), "latest": t.latest("r", "loss")}


@case("runs are listed in plain string order")
def run_order(sub):
    t = sub.ExperimentTracker()
    for name in ("b10", "b2", "a", "B"):
        t.log(name, "loss", 1.0, 0)
    return {"runs": t.runs()}
