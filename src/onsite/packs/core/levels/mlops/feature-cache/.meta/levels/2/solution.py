"""Reference: a feature cache revealed in four levels."""

from __future__ import annotations

from typing import Any


class _Entry:
    def __init__(self, value: Any, expires_at: int | None) -> None:
        self.value = value
        self.expires_at = expires_at


class FeatureCache:
    def __init__(self, capacity: int | None = None) -> None:
        if capacity is not None and (not isinstance(capacity, int) or capacity < 1):
            raise ValueError(f"capacity must be None or an int >= 1, got {capacity!r}")
        self._capacity = capacity
        # insertion order of this dict is the recency order: least recently used first
        self._entries: dict[str, _Entry] = {}

    def _purge(self, now: int) -> None:
        """Remove every entry whose expiry time has come."""
        for key in [k for k, e in self._entries.items()
                    if e.expires_at is not None and now >= e.expires_at]:
            del self._entries[key]

    def _touch(self, key: str) -> None:
        self._entries[key] = self._entries.pop(key)

    # ---- level 1 ----
    def put(self, key: str, value: Any, now: int, ttl: int | None = None) -> str | None:
        if ttl is not None and (not isinstance(ttl, int) or ttl < 1):
            raise ValueError(f"ttl must be None or an int >= 1, got {ttl!r}")
        self._purge(now)
        expires_at = None if ttl is None else now + ttl
        evicted = None
        if key not in self._entries and self._capacity is not None \
                and len(self._entries) >= self._capacity:
            evicted = next(iter(self._entries))
            del self._entries[evicted]
        self._entries.pop(key, None)
        self._entries[key] = _Entry(value, expires_at)
        return evicted

    def get(self, key: str, now: int) -> Any | None:
        self._purge(now)
        if key not in self._entries:
            return None
        self._touch(key)
        return self._entries[key].value

    def delete(self, key: str, now: int) -> bool:
        self._purge(now)
        return self._entries.pop(key, None) is not None

    def keys(self, now: int) -> list[str]:
        self._purge(now)
        return sorted(self._entries)

    # ---- level 2 ----
    def lru_order(self, now: int) -> list[str]:
        self._purge(now)
        return list(self._entries)
