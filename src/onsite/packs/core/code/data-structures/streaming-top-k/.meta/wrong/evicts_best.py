"""Uses a max-heap by negating scores, so the best kept item is the one evicted."""
import heapq
from collections.abc import Iterable
from typing import Any


class TopK:
    """The k best-scored items of a stream; equal scores favour the earlier arrival."""

    def __init__(self, k: int) -> None:
        if k < 0:
            raise ValueError("k must be non-negative")
        self.k = k
        # Min-heap of (score, -arrival, item): the root is the entry to evict next, i.e. the
        # lowest score and, among equal scores, the latest arrival. Arrival numbers are unique,
        # so items themselves are never compared.
        self._heap: list[tuple[float, int, Any]] = []
        self._arrivals = 0

    def push(self, item: Any, score: float) -> None:
        entry = (-score, -self._arrivals, item)
        self._arrivals += 1
        if self.k == 0:
            return
        if len(self._heap) < self.k:
            heapq.heappush(self._heap, entry)
        elif entry[:2] > self._heap[0][:2]:
            # Strictly better than the worst kept: a later item never displaces an equal score.
            heapq.heapreplace(self._heap, entry)

    def threshold(self) -> float | None:
        """The score a new item must beat to get in, or None while fewer than k are kept."""
        return -self._heap[0][0] if self.k and len(self._heap) == self.k else None

    def items(self) -> list[tuple[Any, float]]:
        ranked = sorted(self._heap, key=lambda e: (e[0], e[1]), reverse=True)  # best first
        return [(item, -score) for score, _, item in ranked[::-1]]

    def __len__(self) -> int:
        return len(self._heap)


def top_k(stream: Iterable[tuple[Any, float]], k: int) -> list[tuple[Any, float]]:
    keeper = TopK(k)
    for item, score in stream:
        keeper.push(item, score)
    return keeper.items()
