"""data-structures/radix-prefix-cache: the node-based reference against a brute-force model that
stores no tree at all (a dict from every cached prefix to its slot id, plus the set of prefixes
where nodes end, with per-node attributes keyed by that end), on random workloads."""

import random

import pytest
from itemload import reference, wrong

ITEM = "data-structures/radix-prefix-cache"
ref = reference(ITEM)


class Flat:
    def __init__(self):
        self.value = {}            # prefix tuple (non-empty) -> slot id of its last token
        self.ends = {}             # node end (prefix tuple) -> [last_access, ref]
        self.clock = 0

    def _matched(self, tokens):
        m = 0
        while m < len(tokens) and tuple(tokens[:m + 1]) in self.value:
            m += 1
        return m

    def _node_of(self, prefix):
        """The node end whose edge contains the last token of prefix."""
        return min((e for e in self.ends if e[:len(prefix)] == prefix), key=len)

    def _cut(self, tokens, m):
        p = tuple(tokens[:m])
        if m and p not in self.ends:
            self.ends[p] = list(self.ends[self._node_of(p)])

    def _path(self, tokens, m):
        return [e for e in self.ends if len(e) <= m and e == tuple(tokens[:len(e)])]

    def insert(self, tokens, values):
        self.clock += 1
        m = self._matched(tokens)
        self._cut(tokens, m)
        if m < len(tokens):
            for i in range(m, len(tokens)):
                self.value[tuple(tokens[:i + 1])] = values[i]
            self.ends[tuple(tokens)] = [self.clock, 0]
        for e in self._path(tokens, len(tokens)):
            self.ends[e][0] = self.clock
        return m

    def match_prefix(self, tokens, lock=False):
        self.clock += 1
        m = self._matched(tokens)
        self._cut(tokens, m)
        for e in self._path(tokens, m):
            self.ends[e][0] = self.clock
            self.ends[e][1] += lock
        return m, [self.value[tuple(tokens[:i + 1])] for i in range(m)]

    def lock(self, tokens):
        return self.match_prefix(tokens, lock=True)[0]

    def unlock(self, tokens):
        for e in self._path(tokens, len(tokens)):
            self.ends[e][1] -= 1

    def _parent_len(self, e):
        return max((len(p) for p in self.ends if len(p) < len(e) and e[:len(p)] == p), default=0)

    def evict(self, n):
        freed = []
        while len(freed) < n:
            leaves = [e for e in self.ends if self.ends[e][1] == 0
                      and not any(len(o) > len(e) and o[:len(e)] == e for o in self.ends)]
            if not leaves:
                break
            e = min(leaves, key=lambda e: (self.ends[e][0], e))
            start = self._parent_len(e)
            freed += [self.value.pop(e[:i + 1]) for i in range(start, len(e))]
            del self.ends[e]
        return freed

    def evictable_size(self):
        return sum(len(e) - self._parent_len(e) for e in self.ends if self.ends[e][1] == 0)

    def edges(self):
        return sorted(self.ends)

    def __len__(self):
        return len(self.value)


def workload(seed, n_ops=150, alphabet=3):
    rng = random.Random(seed)
    ops, locked, v = [], [], 0
    for _ in range(n_ops):
        r = rng.random()
        seq = [rng.randrange(alphabet) for _ in range(rng.randint(0, 7))]
        if r < 0.4:
            ops.append(("insert", seq, list(range(v, v + len(seq)))))
            v += len(seq)
        elif r < 0.6:
            ops.append(("match_prefix", seq))
        elif r < 0.75:
            ops.append(("lock", seq))
            locked.append(len(ops) - 1)
        elif r < 0.85 and locked:
            ops.append(("unlock", locked.pop(rng.randrange(len(locked)))))
        else:
            ops.append(("evict", rng.randint(0, 6)))
    return ops


def drive(cache, ops):
    trace, lock_len = [], {}
    for k, (op, *args) in enumerate(ops):
        if op == "unlock":
            j = args[0]
            out = cache.unlock(ops[j][1][:lock_len[j]])
        else:
            out = getattr(cache, op)(*args)
            if op == "lock":
                lock_len[k] = out
        trace.append((op, out, len(cache), cache.evictable_size(), tuple(cache.edges())))
    return trace


@pytest.mark.parametrize("seed", range(8))
def test_matches_flat_model(seed):
    ops = workload(seed, alphabet=2 + seed % 3)
    assert drive(ref.RadixCache(), ops) == drive(Flat(), ops)


@pytest.mark.parametrize("name", ["evicts_referenced", "no_split_on_match", "match_does_not_touch",
                                  "leaves_collected_once", "insert_overwrites_values"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    differs = False
    for seed in range(8):
        ops = workload(seed)
        try:
            differs = drive(bad.RadixCache(), ops) != drive(Flat(), ops)
        except KeyError:
            differs = True
        if differs:
            break
    assert differs
