from typing import Any


class FeatureCache:
    """Cached feature values with a time-to-live (level 1 of 4)."""

    def __init__(self) -> None:
        raise NotImplementedError

    def put(self, key: str, value: Any, now: int, ttl: int | None = None) -> None:
        """Store value under key at time now; with a ttl it expires at now + ttl."""
        raise NotImplementedError

    def get(self, key: str, now: int) -> Any | None:
        """The live value at time now, or None."""
        raise NotImplementedError

    def delete(self, key: str, now: int) -> bool:
        """Remove a live key; False if there was none."""
        raise NotImplementedError

    def keys(self, now: int) -> list[str]:
        """The live keys at time now, sorted."""
        raise NotImplementedError
