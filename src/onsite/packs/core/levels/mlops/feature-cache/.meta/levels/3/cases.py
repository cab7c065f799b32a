from onsite.judge.cases import case


def raised(fn, *args, **kwargs):
    """Call fn and return the name of the exception it raised, or 'no error'."""
    try:
        fn(*args, **kwargs)
    except Exception as exc:  # the observable is which error it was
        return type(exc).__name__
    return "no error"


@case("every put makes a new version; old versions stay readable")
def versions(sub):
    c = sub.FeatureCache()
    for i, value in enumerate(("v1", "v2", "v3")):
        c.put("f", value, now=i)
    return {"version": c.version("f", now=5), "history": c.history("f", now=5),
            "reads": [c.get_version("f", 1, now=5), c.get_version("f", 3, now=5),
                      c.get_version("f", 4, now=5), c.get_version("g", 1, now=5)]}


@case("rollback discards later versions; numbers are never reused")
def rollback(sub):
    c = sub.FeatureCache()
    for i, value in enumerate(("v1", "v2", "v3")):
        c.put("f", value, now=i)
    done = c.rollback("f", 1, now=5)
    after = [c.get("f", now=5), c.version("f", now=5), c.history("f", now=5),
             c.get_version("f", 2, now=5)]
    c.put("f", "v4", now=6)
    return {"done": done, "after": after, "version": c.version("f", now=6),
            "history": c.history("f", now=6)}


@case("rollback to the current, an unknown or a discarded version, or a missing key, is False")
def rollback_false(sub):
    c = sub.FeatureCache()
    c.put("f", "a", now=0)
    c.put("f", "b", now=0)
    c.put("f", "c", now=0)
    c.rollback("f", 2, now=0)
    out = [c.rollback("f", 2, now=0), c.rollback("f", 3, now=0), c.rollback("f", 7, now=0),
           c.rollback("zz", 1, now=0)]
    return {"results": out, "get": c.get("f", now=0), "history": c.history("f", now=0)}


@case("a key that was deleted or expired restarts its history but not its numbering")
def restart(sub):
    c = sub.FeatureCache()
    c.put("f", "a", now=0)
    c.put("f", "b", now=0)
    c.delete("f", now=1)
    c.put("f", "c", now=2, ttl=3)
    mid = [c.version("f", now=2), c.history("f", now=2), c.get_version("f", 1, now=2)]
    gone = [c.version("f", now=5), c.history("f", now=5)]
    c.put("f", "d", now=6)
    return {"mid": mid, "gone": gone, "history": c.history("f", now=6)}


@case("rollback keeps the key's expiry and counts as a use")
def rollback_lru(sub):
    c = sub.FeatureCache(capacity=2)
    c.put("a", "a1", now=0)
    c.put("a", "a2", now=1, ttl=10)
    c.put("b", "b1", now=2)
    c.rollback("a", 1, now=3)
    evicted = c.put("c", "c1", now=4)
    return {"evicted": evicted, "a": [c.get("a", now=10), c.get("a", now=11)],
            "order": c.lru_order(now=11)}
