"""Collects only strict extensions of the prefix, never the prefix itself when it is a key."""
import heapq
from collections.abc import Hashable, Sequence


class _Node:
    __slots__ = ("children", "count")

    def __init__(self) -> None:
        self.children: dict[Hashable, _Node] = {}
        self.count = 0  # how many times the key ending here was inserted (0: not a key)


class Trie:
    """Counts of keys (strings or token sequences) with prefix completion."""

    def __init__(self) -> None:
        self.root = _Node()
        self.size = 0
        self.is_text: bool | None = None  # keys come back as str for a trie of strings

    def _find(self, key: Sequence) -> _Node | None:
        node = self.root
        for symbol in key:
            node = node.children.get(symbol)
            if node is None:
                return None
        return node

    def insert(self, key: Sequence, count: int = 1) -> None:
        if self.is_text is None:
            self.is_text = isinstance(key, str)
        node = self.root
        for symbol in key:
            node = node.children.setdefault(symbol, _Node())
        if node.count == 0:
            self.size += 1
        node.count += count  # repeated inserts accumulate

    def count(self, key: Sequence) -> int:
        node = self._find(key)
        return node.count if node is not None else 0

    def delete(self, key: Sequence) -> bool:
        # Walk down remembering the path so that emptied nodes can be pruned bottom-up.
        path = [self.root]
        for symbol in key:
            nxt = path[-1].children.get(symbol)
            if nxt is None:
                return False
            path.append(nxt)
        if path[-1].count == 0:
            return False
        path[-1].count = 0
        self.size -= 1
        # Remove nodes that are neither keys nor on the way to another key.
        for depth in range(len(key), 0, -1):
            node = path[depth]
            if node.count or node.children:
                break
            del path[depth - 1].children[key[depth - 1]]
        return True

    def __len__(self) -> int:
        return self.size

    def _key(self, symbols: list) -> str | tuple:
        return "".join(symbols) if self.is_text else tuple(symbols)

    def complete(self, prefix: Sequence, k: int) -> list[tuple[str | tuple, int]]:
        start = self._find(prefix)
        if start is None or k <= 0:
            return []
        found: list[tuple[str | tuple, int]] = []
        stack = [(start, list(prefix))]
        while stack:  # every key in the subtree, the prefix itself included
            node, symbols = stack.pop()
            if node.count and node is not start:
                found.append((self._key(symbols), node.count))
            for symbol, child in node.children.items():
                stack.append((child, symbols + [symbol]))
        # Highest count first; equal counts in ascending key order. A size-k heap: O(S log k).
        return heapq.nsmallest(k, found, key=lambda item: (-item[1], item[0]))
