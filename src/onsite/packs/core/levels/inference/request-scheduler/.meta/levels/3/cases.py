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


@case("a request times out once now reaches its deadline")
def deadline(sub):
    s = sub.RequestScheduler()
    s.submit("a", 10, priority=1, timestamp=0, deadline=5)
    s.submit("b", 10, timestamp=0, deadline=9)
    s.submit("c", 10, timestamp=1)
    at4 = s.pending(now=4)
    at5 = s.pending(now=5)
    popped = s.pop(now=9)
    return {"at4": at4, "at5": at5, "popped": popped, "timed_out": s.timed_out(),
            "size": s.size()}


@case("timed-out requests are dropped before a batch is formed")
def batch_deadline(sub):
    s = sub.RequestScheduler()
    s.submit("late", 50, priority=5, timestamp=0, deadline=10)
    s.submit("x", 40, timestamp=2)
    s.submit("y", 30, timestamp=3, deadline=20)
    batch = s.next_batch(80, now=10)
    return {"batch": batch, "timed_out": s.timed_out(), "left": s.pending(now=10),
            "tokens": s.pending_tokens()}


@case("aging adds a priority point per full interval waited")
def aging(sub):
    s = sub.RequestScheduler()
    s.set_aging(10)
    s.submit("old", 5, priority=0, timestamp=0)
    s.submit("new", 5, priority=2, timestamp=15)
    s.submit("mid", 5, priority=1, timestamp=5)
    orders = [s.pending(now=15), s.pending(now=19), s.pending(now=20), s.pending(now=40)]
    return {"orders": orders, "pop": s.pop(now=40)}


@case("without aging waiting changes nothing; aging can be switched off again")
def aging_off(sub):
    s = sub.RequestScheduler()
    s.submit("a", 5, priority=0, timestamp=0)
    s.submit("b", 5, priority=1, timestamp=100)
    before = s.pending(now=1000)
    s.set_aging(1)
    on = s.pending(now=1000)
    s.set_aging(None)
    return {"before": before, "on": on, "off": s.pending(now=1000)}


@case("a deadline not after the submit time, or a bad interval, raises ValueError")
def invalid(sub):
    s = sub.RequestScheduler()
    errors = [raised(s.submit, "a", 5, timestamp=10, deadline=10),
              raised(s.submit, "a", 5, timestamp=10, deadline=3),
              raised(s.set_aging, 0), raised(s.submit, "a", 5, timestamp=10, deadline=11)]
    return {"errors": errors, "pending": s.pending(now=10), "timed_out": s.timed_out()}


@case("an id that timed out can be submitted again; timed_out keeps both")
def resubmit(sub):
    s = sub.RequestScheduler()
    s.submit("r", 5, timestamp=0, deadline=1)
    s.submit("q", 5, timestamp=0, deadline=1)
    s.pop(now=3)
    s.submit("r", 5, timestamp=3, deadline=4)
    s.pending(now=4)
    return {"timed_out": s.timed_out(), "size": s.size(), "get": s.get("r"),
            "empty_pop": s.pop(now=5)}
