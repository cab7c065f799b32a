"""Merges with str.replace on the space-joined symbols, which also matches inside longer symbols."""
from collections import Counter


def train_bpe(corpus, num_merges):
    word_counts = Counter(w for text in corpus for w in text.split())
    words = {" ".join(w): c for w, c in word_counts.items()}
    merges = []
    for _ in range(num_merges):
        counts = Counter()
        for joined, c in words.items():
            symbols = joined.split(" ")
            for pair in zip(symbols, symbols[1:], strict=False):
                counts[pair] += c
        if not counts:
            break
        best = min(counts, key=lambda pair: (-counts[pair], pair))
        merges.append(best)
        old, new = " ".join(best), "".join(best)
        merged = Counter()
        for joined, c in words.items():
            merged[joined.replace(old, new)] += c
        words = merged
    return merges


def encode(word, merges):
    joined = " ".join(word)
    for left, right in merges:
        joined = joined.replace(f"{left} {right}", left + right)
    return joined.split(" ") if joined else []
