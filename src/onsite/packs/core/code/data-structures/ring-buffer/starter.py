from collections.abc import Iterable, Iterator
from typing import Any


class RingBuffer:
    """Fixed-capacity FIFO: appending to a full buffer overwrites the oldest item."""

    def __init__(self, capacity: int) -> None:
        raise NotImplementedError("preallocate capacity slots; track the oldest index and the size")

    def append(self, item: Any) -> None:
        raise NotImplementedError

    def extend(self, items: Iterable[Any]) -> None:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __iter__(self) -> Iterator[Any]:
        raise NotImplementedError("oldest to newest")

    def latest(self, n: int) -> list[Any]:
        """The newest min(n, len) items, oldest first; [] for n <= 0."""
        raise NotImplementedError

    def is_full(self) -> bool:
        raise NotImplementedError
