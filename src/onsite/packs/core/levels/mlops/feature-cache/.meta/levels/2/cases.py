from onsite.judge.cases import case


def raised(fn, *args, **kwargs):
    """Call fn and return the name of the exception it raised, or 'no error'."""
    try:
        fn(*args, **kwargs)
    except Exception as exc:  # the observable is which error it was
        return type(exc).__name__
    return "no error"


@case("a full cache evicts its least recently used key; put returns it")
def lru(sub):
    c = sub.FeatureCache(capacity=2)
    out = [c.put("a", 1, now=0), c.put("b", 2, now=1), c.get("a", now=2),
           c.put("c", 3, now=3), c.get("b", now=4), c.put("d", 4, now=5)]
    return {"results": out, "order": c.lru_order(now=6), "keys": c.keys(now=6)}


@case("updating a present key never evicts and makes it most recent")
def update(sub):
    c = sub.FeatureCache(capacity=3)
    for i, key in enumerate("xyz"):
        c.put(key, i, now=i)
    out = [c.put("x", 10, now=5), c.lru_order(now=5), c.put("w", 11, now=6),
           c.get("x", now=7)]
    return {"results": out, "order": c.lru_order(now=8)}


@case("expired entries free room before anything live is evicted")
def expired_room(sub):
    c = sub.FeatureCache(capacity=2)
    c.put("short", 1, now=0, ttl=3)
    c.put("long", 2, now=1)
    at3 = c.put("new", 3, now=3)
    at4 = c.put("newer", 4, now=4)
    return {"puts": [at3, at4], "order": c.lru_order(now=4)}


@case("misses and deletes: a miss changes no order, a delete frees a slot")
def miss_delete(sub):
    c = sub.FeatureCache(capacity=2)
    c.put("a", 1, now=0)
    c.put("b", 2, now=0)
    out = [c.get("zz", now=1), c.lru_order(now=1), c.delete("a", now=2),
           c.put("c", 3, now=3), c.lru_order(now=3)]
    return {"results": out}


@case("capacity below 1 raises ValueError; no capacity never evicts")
def capacity(sub):
    errors = [raised(sub.FeatureCache, 0), raised(sub.FeatureCache, -2),
              raised(sub.FeatureCache, 1)]
    c = sub.FeatureCache()
    evicted = [c.put(f"k{i}", i, now=i) for i in range(50)]
    return {"errors": errors, "evicted": [e for e in evicted if e is not None],
            "count": len(c.keys(now=50)), "first": c.lru_order(now=50)[:2]}


@case("capacity 1 keeps only the last key put")
def capacity_one(sub):
    c = sub.FeatureCache(capacity=1)
    out = [c.put("a", 1, now=0), c.put("a", 2, now=1), c.put("b", 3, now=2),
           c.get("a", now=3), c.get("b", now=3)]
    return {"results": out, "order": c.lru_order(now=3)}
