class RadixCache:
    """Prefix cache over token sequences: a radix tree whose edges carry KV slot ids."""

    def __init__(self) -> None:
        raise NotImplementedError("a root node, a logical clock, a token count")

    def insert(self, tokens: list[int], values: list[int]) -> int:
        """Cache tokens with their slot ids; return how many leading tokens were already cached."""
        raise NotImplementedError

    def match_prefix(self, tokens: list[int]) -> tuple[int, list[int]]:
        """Return (length of the longest cached prefix, its slot ids); split a partly matched edge."""
        raise NotImplementedError

    def lock(self, tokens: list[int]) -> int:
        """Like match_prefix, then add one reference to every node on the matched path."""
        raise NotImplementedError

    def unlock(self, tokens: list[int]) -> None:
        """Remove one reference from every node on the path of exactly these tokens."""
        raise NotImplementedError

    def evict(self, num_tokens: int) -> list[int]:
        """Evict least recently used unreferenced leaves until num_tokens are freed."""
        raise NotImplementedError

    def evictable_size(self) -> int:
        raise NotImplementedError

    def edges(self) -> list[tuple[int, ...]]:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError
