Pair = tuple[int, int]


def build_vocab(merges: list[Pair]) -> dict[int, bytes]:
    """Ids 0..255 -> single bytes; merge r -> id 256 + r with the bytes of its two parts."""
    raise NotImplementedError("start from the 256 single bytes, then add one id per merge")


def encode(text: str, merges: list[Pair]) -> list[int]:
    """UTF-8 bytes of text, then repeatedly merge the lowest-ranked adjacent pair everywhere."""
    raise NotImplementedError("rank table, then loop: find the best present pair, merge it")


def decode(ids: list[int], merges: list[Pair]) -> str:
    """Concatenate the tokens' bytes, then decode as UTF-8 with errors='replace'."""
    raise NotImplementedError("bytes first, text last")
