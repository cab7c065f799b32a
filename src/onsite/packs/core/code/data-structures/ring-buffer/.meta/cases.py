from onsite.judge.cases import case


def snapshot(buf):
    return [list(buf), len(buf), buf.is_full()]


@case("the worked example: fill, overwrite, latest")
def example(sub):
    buf = sub.RingBuffer(3)
    out = {"after [1, 2]": (buf.extend([1, 2]), snapshot(buf))[1]}
    buf.extend([3, 4, 5])
    out["after [3, 4, 5]"] = snapshot(buf)
    out["latest 2, 10, 0, 3"] = [buf.latest(2), buf.latest(10), buf.latest(0), buf.latest(3)]
    return out


@case("state after every append, capacity 4, 11 appends")
def every_step(sub):
    buf = sub.RingBuffer(4)
    states = []
    for i in range(11):
        buf.append(i * 10)
        states.append([list(buf), buf.latest(2), len(buf)])
    return {"states": states}


@case("capacity 1: every append replaces the only item")
def capacity_one(sub):
    buf = sub.RingBuffer(1)
    out = {"empty": snapshot(buf), "latest(1) empty": buf.latest(1)}
    states = []
    for item in "abc":
        buf.append(item)
        states.append(snapshot(buf) + [buf.latest(1), buf.latest(5)])
    out["states"] = states
    return out


@case("latest(n) for n from -1 to 7 on a wrapped buffer of 5")
def latest_all(sub):
    buf = sub.RingBuffer(5)
    buf.extend(range(8))     # holds 3..7, start has wrapped
    return {"latest": [buf.latest(n) for n in range(-1, 8)], "iter": list(buf)}


@case("invalid capacity raises ValueError")
def invalid(sub):
    raised = []
    for cap in (0, -3):
        try:
            sub.RingBuffer(cap)
            raised.append("no error")
        except ValueError:
            raised.append("ValueError")
        except Exception as exc:  # report which error it was instead
            raised.append(type(exc).__name__)
    return {"capacity 0, -3": raised}


@case("long stream of tuples: 1000 appends into capacity 7, iterating twice")
def long_stream(sub):
    buf = sub.RingBuffer(7)
    for i in range(1000):
        buf.append((i, i * i % 13))
    return {"iter": [list(t) for t in buf], "iter again": [list(t) for t in buf],
            "latest(3)": [list(t) for t in buf.latest(3)], "len": len(buf)}
