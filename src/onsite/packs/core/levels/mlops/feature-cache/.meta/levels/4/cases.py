from onsite.judge.cases import case


def raised(fn, *args, **kwargs):
    """Call fn and return the name of the exception it raised, or 'no error'."""
    try:
        fn(*args, **kwargs)
    except Exception as exc:  # the observable is which error it was
        return type(exc).__name__
    return "no error"


@case("stats count hits and misses of get")
def hits(sub):
    c = sub.FeatureCache()
    fresh = c.stats()
    c.put("a", 1, now=0, ttl=5)
    reads = [c.get("a", now=1), c.get("b", now=1), c.get("a", now=4), c.get("a", now=5)]
    return {"fresh": list(fresh), "reads": reads, "stats": list(c.stats())}


@case("evictions and expirations are counted once each")
def evictions(sub):
    c = sub.FeatureCache(capacity=2)
    c.put("a", 1, now=0, ttl=3)
    c.put("b", 2, now=0)
    c.put("c", 3, now=1)
    c.put("d", 4, now=1, ttl=2)
    gone = [c.delete("d", now=3), c.keys(now=3), c.keys(now=4)]
    return {"gone": gone, "stats": list(c.stats())}


@case("invalidate_prefix removes matching live keys and returns how many")
def prefix(sub):
    c = sub.FeatureCache()
    for key in ("user:1", "user:2", "users", "item:1", "user"):
        c.put(key, key, now=0)
    out = [c.invalidate_prefix("user:", now=1), c.keys(now=1),
           c.invalidate_prefix("nothing", now=1), c.invalidate_prefix("", now=1),
           c.keys(now=1)]
    return {"results": out, "stats": list(c.stats())}


@case("expired keys are expirations, not invalidations; numbering survives")
def prefix_expired(sub):
    c = sub.FeatureCache()
    c.put("f:a", "x", now=0, ttl=2)
    c.put("f:b", "y", now=0)
    c.put("f:b", "z", now=1)
    removed = c.invalidate_prefix("f:", now=2)
    c.put("f:b", "w", now=3)
    return {"removed": removed, "version": c.version("f:b", now=3),
            "history": c.history("f:b", now=3), "stats": list(c.stats())}


@case("a longer run: every counter at once")
def mixed(sub):
    c = sub.FeatureCache(capacity=3)
    for i in range(6):
        c.put(f"k{i}", i, now=i, ttl=4 if i % 2 else None)
        c.get(f"k{i - 1}", now=i)
    c.invalidate_prefix("k5", now=6)
    return {"keys": c.keys(now=9), "stats": list(c.stats())}
