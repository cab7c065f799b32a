"""Which items of a pack can fill a mock round: the round's kind, then its pick filters."""

from __future__ import annotations

from collections.abc import Iterable

from onsite.packs.loader import Item
from onsite.packs.models import MockRound


def candidates(round_: MockRound, items: Iterable[Item]) -> list[Item]:
    """The items a round may ask, sorted by id (a stable order for seeded choices)."""
    pick = round_.pick
    chosen = []
    for item in items:
        m = item.meta
        if m.kind != round_.kind:
            continue
        if pick.items and item.id not in pick.items:
            continue
        if pick.under and not any(item.id.startswith(prefix) for prefix in pick.under):
            continue
        if pick.topics and not set(pick.topics) & set(m.topics):
            continue
        if pick.families and m.family not in pick.families:
            continue
        if pick.difficulty and m.difficulty not in pick.difficulty:
            continue
        chosen.append(item)
    return sorted(chosen, key=lambda i: i.id)
