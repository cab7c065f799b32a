from onsite.judge.cases import case


def raised(fn, *args, **kwargs):
    """Call fn and return the name of the exception it raised, or 'no error'."""
    try:
        fn(*args, **kwargs)
    except Exception as exc:  # the observable is which error it was
        return type(exc).__name__
    return "no error"


@case("history keeps every write of a point; undo rolls back the last overwrite")
def history_undo(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 3.0, 1, timestamp=1)
    t.log("a", "loss", 2.0, 1, timestamp=2)
    t.log("a", "loss", 1.5, 1, timestamp=3)
    before = t.history("a", "loss", 1)
    undone = t.undo()
    return {"before": before, "undone": undone, "after": t.history("a", "loss", 1),
            "value": t.get("a", "loss", 1), "window": t.find_runs(start=2, end=3)}


@case("undoing a delete brings back values, timestamps and tags")
def undo_delete(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 0.5, 0, timestamp=10)
    t.log("a", "acc", 0.75, 4, timestamp=20)
    t.tag("a", "best")
    t.delete_run("a")
    gone = [t.runs(), t.tags("a")]
    restored = t.undo()
    return {"gone": gone, "restored": restored, "runs": t.runs(), "tags": t.tags("a"),
            "values": [t.get("a", "loss", 0), t.latest("a", "acc")],
            "window": t.find_runs(tag="best", start=15, end=25)}


@case("undoing the log that created a run removes the run; undo with nothing left is False")
def undo_to_empty(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 1.0, 0)
    t.log("a", "acc", 0.5, 0)
    first = t.undo()
    middle = [t.runs(), t.get("a", "acc", 0), t.get("a", "loss", 0)]
    second = t.undo()
    return {"first": first, "middle": middle, "second": second, "runs": t.runs(),
            "third": t.undo(), "history": t.history("a", "loss", 0), "best": t.best("loss")}


@case("calls that change nothing are not undoable steps")
def noops(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 1.0, 0)
    t.tag("a", "x")
    noop = [t.tag("a", "x"), t.untag("a", "y"), t.delete_run("zz"),
            raised(t.log, "a", "loss", 2.0, -1)]
    undone = t.undo()
    return {"noop": noop, "undone": undone, "tags": t.tags("a"),
            "value": t.get("a", "loss", 0), "runs": t.runs()}


@case("delete, log again, undo twice: the old run comes back whole")
def delete_relog_undo(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 0.25, 0, timestamp=1)
    t.tag("a", "old")
    t.delete_run("a")
    t.log("a", "loss", 9.0, 0, timestamp=2)
    mid = [t.get("a", "loss", 0), t.tags("a")]
    t.undo()
    after_one = t.runs()
    t.undo()
    return {"mid": mid, "after_one": after_one, "value": t.get("a", "loss", 0),
            "tags": t.tags("a"), "history": t.history("a", "loss", 0)}


@case("undo reverses tag and untag")
def undo_tags(sub):
    t = sub.ExperimentTracker()
    t.log("a", "loss", 1.0, 0)
    t.tag("a", "p")
    t.tag("a", "q")
    t.untag("a", "p")
    states = [t.tags("a")]
    t.undo()
    states.append(t.tags("a"))
    t.undo()
    states.append(t.tags("a"))
    return {"states": states, "history_unknown": t.history("zz", "loss", 0),
            "best": t.best("loss", tag="p")}
