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

    # ---- level 2 ----
    def next_batch(self, max_tokens: int, max_requests: int | None = None) -> list[str]:
        if not isinstance(max_tokens, int) or max_tokens < 1:
            raise ValueError(f"max_tokens must be an int >= 1, got {max_tokens!r}")
        if max_requests is not None and (not isinstance(max_requests, int) or max_requests < 1):
            raise ValueError(f"max_requests must be None or an int >= 1, got {max_requests!r}")
        batch, room = [], max_tokens
        for request_id in self._order():
            if max_requests is not None and len(batch) == max_requests:
                break
            request = self._pending[request_id]
            if request.tokens > room:
                continue
            batch.append(request_id)
            room -= request.tokens
        for request_id in batch:
            del self._pending[request_id]
        return batch

    def pending_tokens(self) -> int:
        return sum(r.tokens for r in self._pending.values())

    def update_priority(self, request_id: str, priority: int) -> bool:
        request = self._pending.get(request_id)
        if request is None:
            return False
        request.priority = priority
        return True
