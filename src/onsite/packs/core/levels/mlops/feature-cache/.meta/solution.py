"""Reference: a feature cache revealed in four levels."""

from __future__ import annotations

from typing import Any


class _Entry:
    def __init__(self, expires_at: int | None) -> None:
        self.versions: list[tuple[int, Any]] = []  # (number, value), the last is current
        self.expires_at = expires_at

    @property
    def value(self) -> Any:
        return self.versions[-1][1]


class FeatureCache:
    def __init__(self, capacity: int | None = None) -> None:
        if capacity is not None and (not isinstance(capacity, int) or capacity < 1):
            raise ValueError(f"capacity must be None or an int >= 1, got {capacity!r}")
        self._capacity = capacity
        # insertion order of this dict is the recency order: least recently used first
        self._entries: dict[str, _Entry] = {}
        self._last_version: dict[str, int] = {}
        self._hits = self._misses = self._evictions = self._expirations = 0
        self._invalidations = 0

    def _purge(self, now: int) -> None:
        """Remove every entry whose expiry time has come."""
        for key in [k for k, e in self._entries.items()
                    if e.expires_at is not None and now >= e.expires_at]:
            del self._entries[key]
            self._expirations += 1

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
            self._evictions += 1
        entry = self._entries.pop(key, None) or _Entry(expires_at)
        entry.expires_at = expires_at
        number = self._last_version.get(key, 0) + 1
        self._last_version[key] = number
        entry.versions.append((number, value))
        self._entries[key] = entry
        return evicted

    def get(self, key: str, now: int) -> Any | None:
        self._purge(now)
        if key not in self._entries:
            self._misses += 1
            return None
        self._hits += 1
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

    # ---- level 3 ----
    def version(self, key: str, now: int) -> int | None:
        self._purge(now)
        entry = self._entries.get(key)
        return None if entry is None else entry.versions[-1][0]

    def history(self, key: str, now: int) -> list[int]:
        self._purge(now)
        entry = self._entries.get(key)
        return [] if entry is None else [number for number, _ in entry.versions]

    def get_version(self, key: str, version: int, now: int) -> Any | None:
        self._purge(now)
        entry = self._entries.get(key)
        for number, value in entry.versions if entry else []:
            if number == version:
                return value
        return None

    def rollback(self, key: str, version: int, now: int) -> bool:
        self._purge(now)
        entry = self._entries.get(key)
        if entry is None or version == entry.versions[-1][0] \
                or version not in (number for number, _ in entry.versions):
            return False
        while entry.versions[-1][0] != version:
            entry.versions.pop()
        self._touch(key)
        return True

    # ---- level 4 ----
    def invalidate_prefix(self, prefix: str, now: int) -> int:
        self._purge(now)
        doomed = [key for key in self._entries if key.startswith(prefix)]
        for key in doomed:
            del self._entries[key]
        self._invalidations += len(doomed)
        return len(doomed)

    def stats(self) -> tuple[int, int, int, int, int]:
        return (self._hits, self._misses, self._evictions, self._expirations,
                self._invalidations)
