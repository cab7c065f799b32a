from onsite.judge.cases import case


def raised(fn, *args, **kwargs):
    """Call fn and return the name of the exception it raised, or 'no error'."""
    try:
        fn(*args, **kwargs)
    except Exception as exc:  # the observable is which error it was
        return type(exc).__name__
    return "no error"


@case("the worked example: an entry is gone from now = put time + ttl")
def example(sub):
    c = sub.FeatureCache()
    c.put("user:1", [0.5, 0.25], now=0, ttl=10)
    c.put("user:2", [1.0, 2.0], now=3)
    return {"reads": [c.get("user:1", now=9), c.get("user:1", now=10),
                      c.get("user:2", now=1000)],
            "keys": c.keys(now=10)}


@case("put on an existing key replaces the value and restarts or removes its TTL")
def overwrite(sub):
    c = sub.FeatureCache()
    c.put("a", "v1", now=0, ttl=5)
    c.put("a", "v2", now=4, ttl=5)
    c.put("b", "w1", now=0, ttl=5)
    c.put("b", "w2", now=2)
    return {"a": [c.get("a", now=8), c.get("a", now=9)], "b": c.get("b", now=50)}


@case("delete reports whether a live entry was removed")
def delete(sub):
    c = sub.FeatureCache()
    c.put("a", 1, now=0)
    c.put("b", 2, now=0, ttl=2)
    out = [c.delete("a", now=1), c.delete("a", now=1), c.delete("b", now=2),
           c.delete("zz", now=2)]
    return {"results": out, "keys": c.keys(now=2), "get": c.get("a", now=3)}


@case("keys lists live keys sorted; an empty cache has none")
def keys(sub):
    c = sub.FeatureCache()
    empty = c.keys(now=0)
    for key, ttl in (("z", None), ("m", 3), ("a", 7), ("B", None)):
        c.put(key, key.upper(), now=0, ttl=ttl)
    return {"empty": empty, "at2": c.keys(now=2), "at5": c.keys(now=5), "at9": c.keys(now=9),
            "missing": c.get("q", now=0)}


@case("a TTL below 1 raises ValueError and stores nothing")
def invalid(sub):
    c = sub.FeatureCache()
    c.put("a", "old", now=0)
    errors = [raised(c.put, "a", "new", 1, 0), raised(c.put, "b", 1, 1, -3),
              raised(c.put, "c", 1, 1, 1)]
    return {"errors": errors, "a": c.get("a", now=1), "keys": c.keys(now=1)}
