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


@case("the worked example")
def example(sub):
    s = sub.RequestScheduler()
    out = [s.submit("a", 100), s.submit("b", 50, priority=2), s.submit("c", 10, priority=2),
           s.submit("a", 7)]
    return {"submits": out, "get": plain([s.get("a"), s.get("b"), s.get("zz")]),
            "pending": s.pending(), "size": s.size()}


@case("pop serves higher priority first, then first come first served")
def pop_order(sub):
    s = sub.RequestScheduler()
    for rid, prio in (("x", 0), ("y", 1), ("z", 0), ("w", 1), ("v", -1)):
        s.submit(rid, 5, priority=prio)
    popped = [s.pop() for _ in range(6)]
    return {"popped": popped, "size": s.size(), "pending": s.pending()}


@case("a served id can be submitted again and joins the back of its priority")
def resubmit(sub):
    s = sub.RequestScheduler()
    s.submit("a", 1)
    s.submit("b", 1)
    first = s.pop()
    again = s.submit("a", 3)
    return {"first": first, "again": again, "pending": s.pending(),
            "get": plain(s.get("a"))}


@case("an empty scheduler: pop None, nothing pending")
def empty(sub):
    s = sub.RequestScheduler()
    return {"pop": s.pop(), "pending": s.pending(), "size": s.size(), "get": s.get("a"),
            "after": [s.submit("a", 2), s.size()]}


@case("tokens below 1 raise ValueError; a duplicate id is refused without error")
def invalid(sub):
    s = sub.RequestScheduler()
    s.submit("a", 4, priority=1)
    errors = [raised(s.submit, "b", 0), raised(s.submit, "b", -3),
              raised(s.submit, "c", 1)]
    duplicate = s.submit("a", 9, priority=5)
    return {"errors": errors, "duplicate": duplicate, "get": plain(s.get("a")),
            "pending": s.pending()}
