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
