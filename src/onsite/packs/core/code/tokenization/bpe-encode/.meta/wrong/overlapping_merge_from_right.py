"""Merges overlapping occurrences from the right, so [a, a, a] becomes [a, new]."""
Pair = tuple[int, int]


def build_vocab(merges: list[Pair]) -> dict[int, bytes]:
    # Ids 0..255 are the single bytes; merge i creates id 256 + i from two earlier tokens.
    vocab = {i: bytes([i]) for i in range(256)}
    for rank, (left, right) in enumerate(merges):
        vocab[256 + rank] = vocab[left] + vocab[right]
    return vocab


def merge_pair(ids: list[int], pair: Pair, new_id: int) -> list[int]:
    """Replace each occurrence of `pair`, left to right; a token joins at most one merge."""
    out: list[int] = []
    i = 0
    while i < len(ids):
        if i + 1 < len(ids) and ids[i] == pair[0] and ids[i + 1] == pair[1]:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def encode(text: str, merges: list[Pair]) -> list[int]:
    rank = {}
    for r, pair in enumerate(merges):
        rank.setdefault(pair, r)          # a duplicated pair keeps its first (best) rank
    ids = list(text.encode("utf-8"))      # byte-level: every string is representable
    while len(ids) > 1:
        present = {pair for pair in zip(ids, ids[1:], strict=False) if pair in rank}
        if not present:
            break
        best = min(present, key=rank.__getitem__)   # lowest rank = learned earliest = applied first
        ids = merge_pair(ids[::-1], best[::-1], 256 + rank[best])[::-1]
    return ids


def decode(ids: list[int], merges: list[Pair]) -> str:
    vocab = build_vocab(merges)
    # Join the bytes first: a multi-byte character may be split across tokens.
    return b"".join(vocab[i] for i in ids).decode("utf-8", errors="replace")
