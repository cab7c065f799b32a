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


@case("cancel removes a pending request; stats count served, cancelled and timed out")
def cancel_stats(sub):
    s = sub.RequestScheduler()
    s.submit("a", 10, tenant="t1")
    s.submit("b", 20, tenant="t1")
    s.submit("c", 30, tenant="t2", timestamp=0, deadline=5)
    s.submit("d", 40, tenant="t2")
    cancelled = [s.cancel("b"), s.cancel("b"), s.cancel("zz")]
    batch = s.next_batch(100, now=5)
    return {"cancelled": cancelled, "batch": batch,
            "stats": plain([s.stats("t1"), s.stats("t2"), s.stats("nobody")])}


@case("a tenant quota caps its tokens per batch; other tenants fill the room")
def quota(sub):
    s = sub.RequestScheduler()
    s.set_quota("heavy", 50)
    for i in range(4):
        s.submit(f"h{i}", 30, priority=1, tenant="heavy")
    s.submit("l0", 30, tenant="light")
    s.submit("l1", 30, tenant="light")
    first = s.next_batch(100)
    second = s.next_batch(100)
    return {"first": first, "second": second, "left": s.pending(),
            "stats": plain([s.stats("heavy"), s.stats("light")])}


@case("requests without a tenant belong to 'default'; a quota can be lifted")
def default_tenant(sub):
    s = sub.RequestScheduler()
    s.set_quota("default", 10)
    for rid in ("a", "b", "c"):
        s.submit(rid, 10)
    capped = s.next_batch(100)
    s.set_quota("default", None)
    free = s.next_batch(100)
    return {"capped": capped, "free": free, "stats": plain(s.stats("default"))}


@case("a cancelled id can be submitted again; cancel after serving is False")
def cancel_resubmit(sub):
    s = sub.RequestScheduler()
    s.submit("a", 5, tenant="t")
    s.submit("b", 5, tenant="t")
    s.cancel("a")
    again = s.submit("a", 7, priority=3, tenant="u")
    popped = s.pop()
    late = s.cancel("a")
    return {"again": again, "popped": popped, "late": late, "pending": s.pending(),
            "stats": plain([s.stats("t"), s.stats("u")])}


@case("a bad quota raises ValueError; pop and quotas do not interact")
def invalid(sub):
    s = sub.RequestScheduler()
    errors = [raised(s.set_quota, "t", 0), raised(s.set_quota, "t", -5)]
    s.set_quota("t", 1)
    s.submit("x", 50, tenant="t")
    return {"errors": errors, "batch": s.next_batch(100), "pop": s.pop(),
            "stats": plain(s.stats("t"))}
