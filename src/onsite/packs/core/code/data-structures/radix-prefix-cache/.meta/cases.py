import random

from onsite.judge.cases import case


def plain(result):
    """Results as JSON: tuples become lists, (m, values) pairs become [m, [values]]."""
    if isinstance(result, (tuple, list)):
        return [plain(r) for r in result]
    return result


def apply(cache, op, args):
    """One operation; its result as JSON. A raised exception is recorded by its type name."""
    try:
        if op == "evict":
            return [int(v) for v in cache.evict(*args)]
        if op == "match":
            m, vals = cache.match_prefix(*args)
            return [int(m), [int(v) for v in vals]]
        if op == "unlock":
            cache.unlock(*args)
            return None
        return int(getattr(cache, op)(*args))
    except Exception as exc:  # noqa: BLE001 - recorded, so the diff names the failing step
        return f"raised {type(exc).__name__}"


def finish(cache, results):
    return {"results": results, "edges": [list(e) for e in cache.edges()],
            "size": len(cache), "evictable": cache.evictable_size()}


def run(sub, ops):
    cache = sub.RadixCache()
    results = []
    for op, *args in ops:
        results.append(apply(cache, op, args))
        results.append([len(cache), cache.evictable_size()])
    return finish(cache, results)


@case("insert, re-insert, branch, match with a partial edge, empty sequences")
def basics(sub):
    return run(sub, [
        ("insert", [1, 2, 3, 4], [10, 11, 12, 13]),
        ("insert", [1, 2, 3, 4], [20, 21, 22, 23]),
        ("insert", [1, 2, 5, 6], [30, 31, 32, 33]),
        ("match", [1, 2, 3, 9]),
        ("match", [7, 1]),
        ("match", []),
        ("insert", [], []),
        ("insert", [1, 2], [40, 41]),
    ])


@case("existing prefix keeps its slot ids; only the new suffix is stored")
def no_overwrite(sub):
    return run(sub, [
        ("insert", [5, 6, 7], [10, 11, 12]),
        ("insert", [5, 6, 7, 8, 9], [90, 91, 92, 93, 94]),
        ("insert", [5, 6, 1], [80, 81, 82]),
        ("match", [5, 6, 7, 8, 9, 9]),
        ("match", [5, 6, 1]),
    ])


@case("a lock on a partial match protects exactly the matched tokens")
def lock_partial(sub):
    return run(sub, [
        ("insert", [1, 2, 3, 4, 5, 6], [10, 11, 12, 13, 14, 15]),
        ("lock", [1, 2, 3, 8]),
        ("evict", 100),
        ("unlock", [1, 2, 3]),
        ("evict", 1),
    ])


@case("LRU order: a match refreshes a sequence")
def lru_order(sub):
    return run(sub, [
        ("insert", [1, 2, 3], [10, 11, 12]),
        ("insert", [4, 5], [20, 21]),
        ("insert", [6, 7, 8, 9], [30, 31, 32, 33]),
        ("match", [1, 2, 3]),
        ("evict", 3),
        ("insert", [4, 5], [40, 41]),
        ("match", [1]),
        ("evict", 1),
    ])


@case("referenced paths survive eviction until unlocked")
def referenced(sub):
    return run(sub, [
        ("insert", [1, 2, 3, 4], [10, 11, 12, 13]),
        ("insert", [1, 2, 5], [20, 21, 22]),
        ("lock", [1, 2, 5]),
        ("lock", [1, 2, 5, 7]),
        ("evict", 100),
        ("unlock", [1, 2, 5]),
        ("evict", 100),
        ("unlock", [1, 2, 5]),
        ("evict", 100),
        ("evict", 0),
    ])


@case("a parent whose last child is evicted becomes an evictable leaf")
def cascade(sub):
    return run(sub, [
        ("insert", [1, 2, 3], [10, 11, 12]),
        ("insert", [1, 2, 4], [20, 21, 22]),
        ("insert", [9, 9], [30, 31]),
        ("evict", 3),
        ("evict", 1),
    ])


@case("splitting a locked edge keeps both halves locked")
def split_locked(sub):
    return run(sub, [
        ("insert", [1, 2, 3, 4, 5, 6], [10, 11, 12, 13, 14, 15]),
        ("lock", [1, 2, 3, 4, 5, 6]),
        ("match", [1, 2, 3]),
        ("insert", [1, 2, 7], [20, 21, 22]),
        ("evict", 100),
        ("unlock", [1, 2, 3, 4, 5, 6]),
        ("evict", 4),
    ])


@case("random workload: 120 operations over a 3-token alphabet")
def random_workload(sub):
    rng = random.Random(7)
    ops, locked, next_value = [], [], 0
    for _ in range(120):
        r = rng.random()
        seq = [rng.randrange(3) for _ in range(rng.randint(1, 7))]
        if r < 0.4:
            ops.append(("insert", seq, list(range(next_value, next_value + len(seq)))))
            next_value += len(seq)
        elif r < 0.6:
            ops.append(("match", seq))
        elif r < 0.75:
            ops.append(("lock", seq))
            locked.append(seq)
        elif r < 0.85 and locked:
            ops.append(("unlock", locked.pop(rng.randrange(len(locked)))))
        else:
            ops.append(("evict", rng.randint(1, 6)))
    # A lock covers the matched prefix only: each unlock releases the prefix of the length
    # that its lock returned.
    return replay(sub, ops)


def replay(sub, ops):
    cache = sub.RadixCache()
    lengths, results = {}, []
    for k, (op, *args) in enumerate(ops):
        if op == "unlock":
            src = next(j for j in range(k) if ops[j][0] == "lock" and ops[j][1] is args[0])
            length = lengths[src] if isinstance(lengths[src], int) else 0
            args = [args[0][:length]]
        result = apply(cache, op, args)
        if op == "lock":
            lengths[k] = result
        results.append(result)
        results.append([len(cache), cache.evictable_size()])
    return finish(cache, results)
