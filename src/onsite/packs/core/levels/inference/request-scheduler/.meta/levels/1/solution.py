"""Reference: an inference request scheduler revealed in four levels."""

from __future__ import annotations

import itertools


class _Request:
    def __init__(self, tokens: int, priority: int, seq: int) -> None:
        self.tokens = tokens
        self.priority = priority
        self.seq = seq


class RequestScheduler:
    def __init__(self) -> None:
        self._pending: dict[str, _Request] = {}
        self._seq = itertools.count()

    # ---- level 1 ----
    def submit(self, request_id: str, tokens: int, priority: int = 0) -> bool:
        if not isinstance(tokens, int) or tokens < 1:
            raise ValueError(f"tokens must be an int >= 1, got {tokens!r}")
        if request_id in self._pending:
            return False
        self._pending[request_id] = _Request(tokens, priority, next(self._seq))
        return True

    def get(self, request_id: str) -> tuple[int, int] | None:
        request = self._pending.get(request_id)
        return None if request is None else (request.tokens, request.priority)

    def _order(self) -> list[str]:
        """Pending ids in service order: higher priority first, then first submitted."""
        return sorted(self._pending, key=lambda r: (-self._pending[r].priority,
                                                    self._pending[r].seq))

    def pending(self) -> list[str]:
        return self._order()

    def pop(self) -> str | None:
        order = self._order()
        if not order:
            return None
        del self._pending[order[0]]
        return order[0]

    def size(self) -> int:
        return len(self._pending)
