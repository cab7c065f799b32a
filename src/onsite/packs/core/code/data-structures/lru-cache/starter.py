from collections.abc import Hashable
from typing import Any


class LRUCache:
    """Least-recently-used cache: O(1) get and put."""

    def __init__(self, capacity: int) -> None:
        raise NotImplementedError("a dict for lookup and a doubly linked list for recency")

    def get(self, key: Hashable, default: Any = None) -> Any:
        """The value (now most recently used), or default if absent."""
        raise NotImplementedError

    def put(self, key: Hashable, value: Any) -> tuple[Hashable, Any] | None:
        """Insert or update (most recently used); return the evicted (key, value) or None."""
        raise NotImplementedError

    def keys(self) -> list[Hashable]:
        """Keys from least to most recently used."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __contains__(self, key: Hashable) -> bool:
        """Membership without changing recency."""
        raise NotImplementedError
