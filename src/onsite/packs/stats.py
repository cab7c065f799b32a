"""`onsite pack stats`: what a pack covers, so gaps are visible before a learner meets them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from onsite.packs.loader import Item
from onsite.packs.taxonomy import load_taxonomy

DIFFICULTIES = ("easy", "medium", "hard")
# The bank's intended mix of implementation items (issue: 30% / 45% / 25%).
TARGET_MIX = {"easy": 0.30, "medium": 0.45, "hard": 0.25}
MIN_PER_FAMILY = 2
IMPLEMENTATION_KINDS = ("code", "paper")


@dataclass
class PackStats:
    kinds: Counter[str] = field(default_factory=Counter)
    # (kind, difficulty) -> count
    difficulty: Counter[tuple[str, str]] = field(default_factory=Counter)
    # family -> difficulty -> count, over code and paper items
    families: dict[str, Counter[str]] = field(default_factory=dict)
    # topic -> kind -> count
    topics: dict[str, Counter[str]] = field(default_factory=dict)

    def implementation_mix(self) -> dict[str, float]:
        """Share of code and paper items at each difficulty."""
        counts = {d: sum(self.difficulty[(k, d)] for k in IMPLEMENTATION_KINDS) for d in DIFFICULTIES}
        total = sum(counts.values())
        return {d: (counts[d] / total if total else 0.0) for d in DIFFICULTIES}

    def gaps(self) -> list[str]:
        """Taxonomy families with fewer than two implementation items, in taxonomy order."""
        found = []
        for family in load_taxonomy().families:
            n = sum(self.families.get(family, Counter()).values())
            if n < MIN_PER_FAMILY:
                found.append(f"family {family!r} has {n} implementation item(s); "
                             f"the bank needs at least {MIN_PER_FAMILY}")
        return found

    def to_dict(self) -> dict:
        return {
            "kinds": dict(self.kinds),
            "difficulty": {k: {d: self.difficulty[(k, d)] for d in DIFFICULTIES}
                           for k in sorted(self.kinds)},
            "families": {f: dict(c) for f, c in sorted(self.families.items())},
            "topics": {t: dict(c) for t, c in sorted(self.topics.items())},
            "implementation_mix": self.implementation_mix(),
            "gaps": self.gaps(),
        }


def pack_stats(items: Iterable[Item]) -> PackStats:
    stats = PackStats()
    for item in items:
        meta = item.meta
        stats.kinds[meta.kind] += 1
        stats.difficulty[(meta.kind, meta.difficulty)] += 1
        if meta.kind in IMPLEMENTATION_KINDS and meta.family:
            stats.families.setdefault(meta.family, Counter())[meta.difficulty] += 1
        for topic in meta.topics:
            stats.topics.setdefault(topic, Counter())[meta.kind] += 1
    return stats
