"""Evicts when full before checking whether the key already exists, so an update can evict."""
from collections.abc import Hashable
from typing import Any


class _Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key: Hashable = None, value: Any = None) -> None:
        self.key, self.value = key, value
        self.prev: _Node | None = None
        self.next: _Node | None = None


class LRUCache:
    """A dict of key -> node plus a doubly linked list in recency order: every operation O(1)."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._nodes: dict[Hashable, _Node] = {}
        # Sentinels: head.next is the least recently used, tail.prev the most recently used.
        # They remove every "is the list empty / is this the first node" special case.
        self._head, self._tail = _Node(), _Node()
        self._head.next, self._tail.prev = self._tail, self._head

    def _unlink(self, node: _Node) -> None:
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_newest(self, node: _Node) -> None:
        last = self._tail.prev
        last.next, node.prev, node.next, self._tail.prev = node, last, self._tail, node

    def get(self, key: Hashable, default: Any = None) -> Any:
        node = self._nodes.get(key)
        if node is None:
            return default
        self._unlink(node)      # a read counts as a use: move to the newest end
        self._push_newest(node)
        return node.value

    def put(self, key: Hashable, value: Any) -> tuple[Hashable, Any] | None:
        evicted = None
        if len(self._nodes) == self.capacity:
            oldest = self._head.next
            self._unlink(oldest)
            del self._nodes[oldest.key]
            evicted = (oldest.key, oldest.value)
        node = self._nodes.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_newest(node)
            return evicted
        node = _Node(key, value)
        self._nodes[key] = node
        self._push_newest(node)
        return evicted

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._nodes   # a membership test is not a use: recency unchanged

    def keys(self) -> list[Hashable]:
        out, node = [], self._head.next
        while node is not self._tail:
            out.append(node.key)
            node = node.next
        return out
