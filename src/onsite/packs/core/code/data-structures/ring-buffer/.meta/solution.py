from collections.abc import Iterable, Iterator
from typing import Any


class RingBuffer:
    """Fixed-capacity FIFO: appending to a full buffer overwrites the oldest item."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._slots: list[Any] = [None] * capacity  # preallocated: appends never resize
        self._start = 0   # index of the oldest item
        self._size = 0

    def append(self, item: Any) -> None:
        end = (self._start + self._size) % self.capacity  # the slot after the newest item
        self._slots[end] = item
        if self._size < self.capacity:
            self._size += 1
        else:
            # Full: the slot just written held the oldest item, so the oldest moves one on.
            self._start = (self._start + 1) % self.capacity

    def extend(self, items: Iterable[Any]) -> None:
        for item in items:
            self.append(item)

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Any]:
        for i in range(self._size):
            yield self._slots[(self._start + i) % self.capacity]

    def latest(self, n: int) -> list[Any]:
        # The newest min(n, size) items, oldest first. n = 0 gives [] (beware items[-0:]).
        n = max(0, min(n, self._size))
        first = self._size - n
        return [self._slots[(self._start + first + i) % self.capacity] for i in range(n)]

    def is_full(self) -> bool:
        return self._size == self.capacity
