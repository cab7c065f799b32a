from collections.abc import Sequence


class Trie:
    """Counts of keys (str, or tuples of token ids) with top-k prefix completion."""

    def __init__(self) -> None:
        raise NotImplementedError("a root node: a dict of children and a count")

    def insert(self, key: Sequence, count: int = 1) -> None:
        """Add count to key's count (creating the path as needed)."""
        raise NotImplementedError

    def count(self, key: Sequence) -> int:
        """The key's count, 0 if absent."""
        raise NotImplementedError

    def delete(self, key: Sequence) -> bool:
        """Remove key entirely; True if it was a key. Prune nodes that lead nowhere."""
        raise NotImplementedError

    def complete(self, prefix: Sequence, k: int) -> list[tuple]:
        """Up to k (key, count) pairs under prefix: count descending, then key ascending."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError
