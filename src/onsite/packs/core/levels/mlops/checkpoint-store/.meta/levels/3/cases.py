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


@case("a TTL expires checkpoints when the clock reaches save time + ttl")
def ttl_basic(sub):
    s = sub.CheckpointStore()
    s.set_ttl("r", 10)
    s.save("r", 1, 1, 1.0, timestamp=0)
    s.save("r", 2, 1, 1.0, timestamp=5)
    s.save("q", 1, 1, 1.0, timestamp=6)
    due = [s.expires_at("r", 1), s.expires_at("r", 2), s.expires_at("q", 1),
           s.expires_at("r", 9)]
    at9 = s.tick(9)
    at10 = s.tick(10)
    at15 = s.tick(15)
    return {"due": due, "ticks": plain([at9, at10, at15]), "steps": s.steps("r"),
            "other": s.steps("q")}


@case("time never goes back; a save without a timestamp happens at the current clock")
def clock(sub):
    s = sub.CheckpointStore()
    s.set_ttl("r", 4)
    s.save("r", 1, 1, 1.0, timestamp=20)
    errors = [raised(s.save, "r", 2, 1, 1.0, timestamp=19), raised(s.tick, 19)]
    s.save("r", 3, 1, 1.0)
    return {"errors": errors, "steps": s.steps("r"), "due": s.expires_at("r", 3),
            "tick": plain(s.tick(24))}


@case("setting a TTL expires overdue checkpoints at once; None removes the TTL")
def set_ttl(sub):
    s = sub.CheckpointStore()
    s.save("r", 1, 1, 1.0, timestamp=0)
    s.save("r", 2, 1, 1.0, timestamp=8)
    s.save("q", 1, 1, 1.0, timestamp=9)
    removed = s.set_ttl("r", 5)
    kept_due = s.expires_at("r", 2)
    cleared = s.set_ttl("r", None)
    return {"removed": removed, "kept_due": kept_due, "cleared": cleared,
            "after": s.expires_at("r", 2), "tick": plain(s.tick(100)), "steps": s.steps("r")}


@case("overwriting a checkpoint restarts its TTL")
def overwrite_restarts(sub):
    s = sub.CheckpointStore()
    s.set_ttl("r", 10)
    s.save("r", 1, 1, 1.0, timestamp=0)
    s.save("r", 1, 2, 0.5, timestamp=7)
    return {"due": s.expires_at("r", 1), "tick10": plain(s.tick(10)),
            "tick17": plain(s.tick(17)), "steps": s.steps("r")}


@case("save reports expired checkpoints of any run and its own pruning, sorted")
def save_reports(sub):
    s = sub.CheckpointStore()
    s.set_ttl("a", 5)
    s.save("a", 1, 1, 1.0, timestamp=0)
    s.save("b", 1, 1, 1.0, timestamp=1)
    s.save("b", 2, 1, 1.0, timestamp=2)
    s.set_retention("b", keep_last=1)
    saved = s.save("b", 3, 1, 1.0, timestamp=6)
    return {"saved": plain(saved), "steps": [s.steps("a"), s.steps("b")],
            "total": s.total_size()}


@case("a TTL below 1 raises ValueError")
def invalid(sub):
    s = sub.CheckpointStore()
    s.save("r", 1, 1, 1.0, timestamp=3)
    errors = [raised(s.set_ttl, "r", 0), raised(s.set_ttl, "r", -2), raised(s.tick, -1)]
    return {"errors": errors, "due": s.expires_at("r", 1), "steps": s.steps("r")}
