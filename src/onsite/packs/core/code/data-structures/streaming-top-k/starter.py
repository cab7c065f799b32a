import heapq
from collections.abc import Iterable
from typing import Any


class TopK:
    """The k best-scored items of a stream; equal scores favour the earlier arrival."""

    def __init__(self, k: int) -> None:
        raise NotImplementedError("a min-heap whose root is the next item to evict")

    def push(self, item: Any, score: float) -> None:
        raise NotImplementedError

    def threshold(self) -> float | None:
        """Score of the worst kept item once k are kept, else None."""
        raise NotImplementedError

    def items(self) -> list[tuple[Any, float]]:
        """Kept (item, score) pairs, best first (ties: earlier arrival first)."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError


def top_k(stream: Iterable[tuple[Any, float]], k: int) -> list[tuple[Any, float]]:
    """items() of a TopK(k) after pushing every (item, score) of the stream."""
    raise NotImplementedError
