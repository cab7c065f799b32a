"""The items a learner can practise: the built-in pack plus any in ONSITE_PACKS."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from onsite.packs.loader import BUILTIN_PACK, Item, PackError, Problem, load_pack


class UnknownItem(LookupError):
    """No item has this id; carries close matches to suggest."""

    def __init__(self, item_id: str, suggestions: list[str]):
        hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no item {item_id!r}.{hint} (`onsite list` shows them all)")
        self.item_id = item_id


@dataclass(frozen=True)
class Summary:
    id: str
    kind: str
    title: str
    family: str | None
    topics: list[str]
    difficulty: str
    minutes: int

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def pack_paths() -> list[Path]:
    extra = os.environ.get("ONSITE_PACKS", "")
    return [BUILTIN_PACK, *(Path(p) for p in extra.split(os.pathsep) if p)]


@cache
def catalog() -> dict[str, Item]:
    items: dict[str, Item] = {}
    problems: list[Problem] = []
    for path in pack_paths():
        try:
            pack = load_pack(path)
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        for item_id, item in pack.items.items():
            if item_id in items:
                problems.append(Problem(item.path / "item.yaml", 1,
                                        f"id {item_id!r} is also defined in {items[item_id].path}"))
            items[item_id] = item
    if problems:
        raise PackError(problems)
    return items


def get_item(item_id: str) -> Item:
    items = catalog()
    if item_id in items:
        return items[item_id]
    import difflib

    close = difflib.get_close_matches(item_id, list(items), n=3, cutoff=0.5)
    close += [i for i in items if item_id and item_id in i and i not in close][:3]
    raise UnknownItem(item_id, close[:3])


def list_items(kind: str | None = None, topic: str | None = None,
               difficulty: str | None = None) -> list[Summary]:
    found = []
    for item in sorted(catalog().values(), key=lambda i: i.id):
        m = item.meta
        if kind and m.kind != kind:
            continue
        if topic and topic not in m.topics and topic != m.family:
            continue
        if difficulty and m.difficulty != difficulty:
            continue
        found.append(Summary(m.id, m.kind, m.title, m.family, list(m.topics), m.difficulty,
                             m.minutes))
    return found


def find_items(kind: str | None = None, topic: str | None = None, difficulty: str | None = None,
               company: str | None = None, text: str | None = None) -> list[Summary]:
    """``list_items`` plus a company filter and a case-insensitive search of id and title.

    Every word of ``text`` must appear in the id or the title (so "kv cache" finds
    "KV-cache decoding"); hyphens and slashes count as spaces.
    """
    words = _search_words(text or "")
    found = []
    items = catalog()
    for summary in list_items(kind, topic, difficulty):
        if company and company not in items[summary.id].meta.companies:
            continue
        if words:
            haystack = " ".join(_search_words(f"{summary.id} {summary.title}"))
            if not all(w in haystack for w in words):
                continue
        found.append(summary)
    return found


def _search_words(text: str) -> list[str]:
    return text.lower().replace("-", " ").replace("/", " ").replace("_", " ").split()


def facets() -> dict[str, list[str]]:
    """The values the item filters offer: kinds, topics, difficulties and companies in use."""
    items = catalog().values()
    order = {"easy": 0, "medium": 1, "hard": 2}
    return {
        "kind": sorted({i.meta.kind for i in items}),
        "topic": sorted({t for i in items for t in i.meta.topics}),
        "difficulty": sorted({i.meta.difficulty for i in items}, key=lambda d: order.get(d, 3)),
        "company": sorted({c for i in items for c in i.meta.companies}),
    }
