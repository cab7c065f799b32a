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
    s = sub.CheckpointStore()
    s.save("run-a", 100, 40, 2.5)
    s.save("run-a", 200, 40, 1.75)
    s.save("run-b", 50, 10, 3.0)
    return {"get": plain([s.get("run-a", 200), s.get("run-a", 150)]),
            "steps": s.steps("run-a"), "latest": s.latest("run-a"), "total": s.total_size()}


@case("saving an existing step replaces its size and metric")
def replace(sub):
    s = sub.CheckpointStore()
    s.save("r", 10, 8, 1.5)
    s.save("r", 10, 3, 0.5)
    return {"get": plain(s.get("r", 10)), "steps": s.steps("r"), "total": s.total_size()}


@case("unknown runs and steps: None, False, [] and a total of 0")
def unknown(sub):
    s = sub.CheckpointStore()
    empty_total = s.total_size()
    s.save("r", 1, 5, 1.0)
    return {"results": [s.get("x", 1), s.get("r", 2), s.delete("x", 1), s.delete("r", 2),
                        s.steps("x"), s.latest("x")],
            "totals": [empty_total, s.total_size()]}


@case("deleting the last checkpoint of a run empties it; other runs are untouched")
def delete(sub):
    s = sub.CheckpointStore()
    s.save("a", 1, 5, 1.0)
    s.save("a", 2, 6, 1.0)
    s.save("b", 1, 7, 1.0)
    out = [s.delete("a", 1), s.delete("a", 1), s.steps("a"), s.delete("a", 2)]
    return {"results": out, "after": [s.steps("a"), s.latest("a"), s.steps("b")],
            "total": s.total_size()}


@case("a negative step or a size below 1 raises ValueError and stores nothing")
def invalid(sub):
    s = sub.CheckpointStore()
    errors = [raised(s.save, "r", -1, 5, 1.0), raised(s.save, "r", 1, 0, 1.0),
              raised(s.save, "r", 1, -5, 1.0), raised(s.save, "r", 0, 1, 1.0)]
    return {"errors": errors, "steps": s.steps("r"), "total": s.total_size()}


@case("steps sort as numbers and latest is the highest step, whatever the save order")
def numeric_order(sub):
    s = sub.CheckpointStore()
    for step in (9, 100, 10, 0):
        s.save("r", step, 1, 1.0)
    return {"steps": s.steps("r"), "latest": s.latest("r"), "total": s.total_size()}
