"""Reference: an inference request scheduler revealed in four levels."""

from __future__ import annotations

import itertools


class _Request:
    def __init__(self, tokens: int, priority: int, seq: int, timestamp: int,
                 deadline: int | None) -> None:
        self.tokens = tokens
        self.priority = priority
        self.seq = seq
        self.timestamp = timestamp
        self.deadline = deadline


class RequestScheduler:
    def __init__(self) -> None:
        self._pending: dict[str, _Request] = {}
        self._seq = itertools.count()
        self._aging: int | None = None
        self._timed_out: list[str] = []

    # ---- level 1 ----
    def submit(self, request_id: str, tokens: int, priority: int = 0, timestamp: int = 0,
               deadline: int | None = None) -> bool:
        if not isinstance(tokens, int) or tokens < 1:
            raise ValueError(f"tokens must be an int >= 1, got {tokens!r}")
        if deadline is not None and deadline <= timestamp:
            raise ValueError(f"deadline {deadline} is not after timestamp {timestamp}")
        if request_id in self._pending:
            return False
        self._pending[request_id] = _Request(tokens, priority, next(self._seq), timestamp,
                                             deadline)
        return True

    def get(self, request_id: str) -> tuple[int, int] | None:
        request = self._pending.get(request_id)
        return None if request is None else (request.tokens, request.priority)

    def _effective(self, request: _Request, now: int) -> int:
        if self._aging is None:
            return request.priority
        return request.priority + max(0, now - request.timestamp) // self._aging

    def _order(self, now: int) -> list[str]:
        """Drop timed-out requests, then pending ids in service order at time now."""
        for request_id, request in list(self._pending.items()):
            if request.deadline is not None and now >= request.deadline:
                del self._pending[request_id]
                self._timed_out.append(request_id)
        return sorted(self._pending, key=lambda r: (-self._effective(self._pending[r], now),
                                                    self._pending[r].seq))

    def pending(self, now: int = 0) -> list[str]:
        return self._order(now)

    def pop(self, now: int = 0) -> str | None:
        order = self._order(now)
        if not order:
            return None
        self._serve(order[0])
        return order[0]

    def _serve(self, request_id: str) -> None:
        del self._pending[request_id]

    def size(self) -> int:
        return len(self._pending)

    # ---- level 2 ----
    def next_batch(self, max_tokens: int, max_requests: int | None = None,
                   now: int = 0) -> list[str]:
        if not isinstance(max_tokens, int) or max_tokens < 1:
            raise ValueError(f"max_tokens must be an int >= 1, got {max_tokens!r}")
        if max_requests is not None and (not isinstance(max_requests, int) or max_requests < 1):
            raise ValueError(f"max_requests must be None or an int >= 1, got {max_requests!r}")
        batch, room = [], max_tokens
        for request_id in self._order(now):
            if max_requests is not None and len(batch) == max_requests:
                break
            request = self._pending[request_id]
            if request.tokens > room:
                continue
            batch.append(request_id)
            room -= request.tokens
        for request_id in batch:
            self._serve(request_id)
        return batch

    def pending_tokens(self) -> int:
        return sum(r.tokens for r in self._pending.values())

    def update_priority(self, request_id: str, priority: int) -> bool:
        request = self._pending.get(request_id)
        if request is None:
            return False
        request.priority = priority
        return True

    # ---- level 3 ----
    def set_aging(self, interval: int | None) -> None:
        if interval is not None and (not isinstance(interval, int) or interval < 1):
            raise ValueError(f"interval must be None or an int >= 1, got {interval!r}")
        self._aging = interval

    def timed_out(self) -> list[str]:
        return sorted(self._timed_out)
