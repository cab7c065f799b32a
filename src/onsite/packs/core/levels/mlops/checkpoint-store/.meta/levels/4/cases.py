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


@case("over budget, the oldest saves are evicted first; the new one never is")
def budget(sub):
    s = sub.CheckpointStore()
    s.set_budget(100)
    s.save("a", 1, 40, 1.0, timestamp=1)
    s.save("b", 1, 30, 1.0, timestamp=2)
    s.save("a", 2, 20, 1.0, timestamp=3)
    saved = s.save("c", 1, 60, 1.0, timestamp=4)
    big = s.save("d", 1, 100, 1.0, timestamp=5)
    return {"saved": plain(saved), "big": plain(big), "total": s.total_size(),
            "steps": [s.steps("a"), s.steps("b"), s.steps("d")]}


@case("equal save times are evicted in (run, step) order; set_budget evicts at once")
def ties(sub):
    s = sub.CheckpointStore()
    for run in ("b", "a"):
        for step in (2, 1):
            s.save(run, step, 10, 1.0)
    evicted = s.set_budget(25)
    unlimited = s.set_budget(None)
    s.save("z", 1, 1000, 1.0)
    return {"evicted": plain(evicted), "unlimited": plain(unlimited),
            "total": s.total_size()}


@case("pinned checkpoints survive eviction, retention and expiry")
def pins(sub):
    s = sub.CheckpointStore()
    s.set_ttl("r", 5)
    s.save("r", 1, 10, 0.5, timestamp=0)
    s.save("r", 2, 10, 0.25, timestamp=1)
    pinned = [s.pin("r", 1), s.pin("r", 1), s.pin("r", 9)]
    due = [s.expires_at("r", 1), s.expires_at("r", 2)]
    ticked = s.tick(6)
    s.set_retention("r", keep_last=1)
    s.save("r", 3, 10, 0.75, timestamp=7)
    s.save("r", 4, 10, 0.75, timestamp=8)
    evicted = s.set_budget(15)
    return {"pinned": pinned, "due": due, "ticked": plain(ticked), "evicted": plain(evicted),
            "steps": s.steps("r"), "total": s.total_size()}


@case("a save that cannot fit raises ValueError and changes nothing")
def cannot_fit(sub):
    s = sub.CheckpointStore()
    s.save("a", 1, 30, 1.0)
    s.save("a", 2, 30, 1.0)
    s.pin("a", 1)
    s.set_budget(50)
    errors = [raised(s.save, "b", 1, 21, 1.0), raised(s.save, "b", 1, 51, 1.0),
              raised(s.set_budget, 29)]
    fits = s.save("b", 1, 20, 1.0)
    return {"errors": errors, "fits": plain(fits), "steps": [s.steps("a"), s.steps("b")],
            "total": s.total_size()}


@case("unpinning makes an overdue checkpoint expire at the next clock move")
def unpin(sub):
    s = sub.CheckpointStore()
    s.set_ttl("r", 3)
    s.save("r", 1, 5, 1.0, timestamp=0)
    s.pin("r", 1)
    s.tick(10)
    out = [s.unpin("r", 1), s.unpin("r", 1), s.unpin("x", 1), s.steps("r"),
           s.expires_at("r", 1)]
    return {"results": out, "tick": plain(s.tick(10)), "steps": s.steps("r")}


@case("replacing a pinned checkpoint keeps the pin; explicit delete still works")
def replace_pinned(sub):
    s = sub.CheckpointStore()
    s.save("r", 1, 10, 1.0, timestamp=0)
    s.pin("r", 1)
    s.set_budget(30)
    s.save("r", 1, 25, 0.5, timestamp=1)
    saved = s.save("r", 2, 5, 0.5, timestamp=2)
    evicting = s.save("q", 1, 5, 0.5, timestamp=3)
    deleted = s.delete("r", 1)
    return {"saved": plain(saved), "evicting": plain(evicting), "deleted": deleted,
            "steps": [s.steps("r"), s.steps("q")], "total": s.total_size()}
