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


@case("a batch takes requests in service order while they fit the token budget")
def batch_basic(sub):
    s = sub.RequestScheduler()
    s.submit("a", 30, priority=1)
    s.submit("b", 50)
    s.submit("c", 20)
    s.submit("d", 10, priority=1)
    batch = s.next_batch(60)
    return {"batch": batch, "left": s.pending(), "tokens": s.pending_tokens()}


@case("a request too large for the room left is skipped, not blocking smaller ones")
def skip(sub):
    s = sub.RequestScheduler()
    s.submit("big", 80, priority=3)
    s.submit("m", 40, priority=2)
    s.submit("s1", 30)
    s.submit("s2", 30)
    first = s.next_batch(100)
    second = s.next_batch(100)
    return {"first": first, "second": second, "left": s.pending()}


@case("max_requests caps the batch; an empty queue gives an empty batch")
def cap(sub):
    s = sub.RequestScheduler()
    for i in range(5):
        s.submit(f"r{i}", 1)
    capped = s.next_batch(100, max_requests=2)
    rest = s.next_batch(100)
    return {"capped": capped, "rest": rest, "empty": s.next_batch(10),
            "tokens": s.pending_tokens()}


@case("update_priority reorders a request but keeps its place among equals")
def update(sub):
    s = sub.RequestScheduler()
    for rid in ("a", "b", "c"):
        s.submit(rid, 10)
    s.submit("d", 10, priority=1)
    changed = [s.update_priority("c", 1), s.update_priority("a", 1),
               s.update_priority("zz", 4)]
    return {"changed": changed, "pending": s.pending(), "get": plain(s.get("c")),
            "batch": s.next_batch(25)}


@case("bad budgets raise ValueError and serve nothing")
def invalid(sub):
    s = sub.RequestScheduler()
    s.submit("a", 5)
    errors = [raised(s.next_batch, 0), raised(s.next_batch, 10, max_requests=0),
              raised(s.next_batch, -1)]
    return {"errors": errors, "pending": s.pending(), "tokens": s.pending_tokens(),
            "nothing_fits": s.next_batch(4)}
