import random

from onsite.judge.cases import case


def plain(value):
    return list(value) if isinstance(value, tuple) else value


@case("the worked example")
def example(sub):
    c = sub.LRUCache(2)
    results = [c.put("a", 1), c.put("b", 2), c.get("a"), c.put("c", 3), c.keys(), c.put("a", 10),
               c.put("d", 4), c.get("b", -1), "a" in c, c.keys(), len(c), c.get("a")]
    return {"results": [plain(r) for r in results]}


@case("get refreshes recency; a missing get changes nothing")
def get_refreshes(sub):
    c = sub.LRUCache(3)
    for k in "xyz":
        c.put(k, k.upper())
    out = [c.get("x"), c.get("q"), c.keys(), c.put("w", "W"), c.keys()]
    return {"results": [plain(r) for r in out]}


@case("updating an existing key refreshes it and never evicts")
def update(sub):
    c = sub.LRUCache(3)
    out = [c.put(1, "one"), c.put(2, "two"), c.put(3, "three"), c.put(1, "uno"), c.keys(), len(c),
           c.put(4, "four"), c.keys(), c.get(1)]
    return {"results": [plain(r) for r in out]}


@case("membership does not count as a use")
def contains(sub):
    c = sub.LRUCache(2)
    c.put("a", 1)
    c.put("b", 2)
    out = ["a" in c, "z" in c, c.put("c", 3), c.keys()]
    return {"results": [plain(r) for r in out]}


@case("capacity 1")
def capacity_one(sub):
    c = sub.LRUCache(1)
    out = [c.put("k", 1), c.put("k", 2), c.get("k"), c.put("j", 3), c.get("k"), c.keys(), len(c)]
    return {"results": [plain(r) for r in out]}


@case("invalid capacity raises ValueError")
def invalid(sub):
    raised = []
    for cap in (0, -1):
        try:
            sub.LRUCache(cap)
            raised.append("no error")
        except ValueError:
            raised.append("ValueError")
        except Exception as exc:  # report which error it was instead
            raised.append(type(exc).__name__)
    return {"capacity 0, -1": raised}


@case("random workload: 3000 operations on 40 keys, capacity 10")
def workload(sub):
    rng = random.Random(0)
    c = sub.LRUCache(10)
    evictions, hits = [], 0
    for step in range(3000):
        key = int(rng.paretovariate(1.2)) % 40     # skewed keys: a realistic hit rate
        if rng.random() < 0.6:
            hits += c.get(key) is not None
        else:
            ev = c.put(key, step)
            if ev is not None:
                evictions.append(list(ev))
    return {"hits": hits, "evictions": evictions, "final keys": c.keys(), "len": len(c)}
