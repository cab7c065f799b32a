from collections import Counter

Pair = tuple[str, str]


def merge_pair(symbols: list[str], pair: Pair) -> list[str]:
    """Replace each occurrence of `pair`, scanning left to right; a symbol joins one merge only."""
    left, right = pair
    out: list[str] = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            out.append(left + right)
            i += 2  # both symbols are consumed, so "a a a" becomes "aa a", never "aa aa"
        else:
            out.append(symbols[i])
            i += 1
    return out


def train_bpe(corpus: list[str], num_merges: int) -> list[Pair]:
    # Each distinct word is stored once with its count: merging work is per word type.
    word_counts = Counter(word for text in corpus for word in text.split())
    words = [(list(word), count) for word, count in word_counts.items()]
    merges: list[Pair] = []
    for _ in range(num_merges):
        pair_counts: Counter[Pair] = Counter()
        for symbols, count in words:
            # every adjacent position counts, overlapping ones included ("aaa" has two "a a")
            for pair in zip(symbols, symbols[1:], strict=False):
                pair_counts[pair] += count
        if not pair_counts:
            break  # every word is a single symbol: nothing left to merge
        # most frequent first; among equals the smallest (left, right) tuple
        best = min(pair_counts, key=lambda pair: (-pair_counts[pair], pair))
        merges.append(best)
        words = [(merge_pair(symbols, best), count) for symbols, count in words]
    return merges


def encode(word: str, merges: list[Pair]) -> list[str]:
    rank: dict[Pair, int] = {}
    for i, pair in enumerate(merges):
        rank.setdefault(pair, i)
    symbols = list(word)
    while len(symbols) > 1:
        present = [pair for pair in zip(symbols, symbols[1:], strict=False) if pair in rank]
        if not present:
            break
        # the earliest-learned merge anywhere in the word goes first, as in training
        symbols = merge_pair(symbols, min(present, key=rank.__getitem__))
    return symbols
