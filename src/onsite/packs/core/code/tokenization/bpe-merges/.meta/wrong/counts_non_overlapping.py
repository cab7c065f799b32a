"""Counts a pair only where it could merge (skipping overlaps), so "aaaa" gives 2 "a a", not 3."""
from collections import Counter


def merge_pair(symbols, pair):
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def train_bpe(corpus, num_merges):
    word_counts = Counter(w for text in corpus for w in text.split())
    words = [(list(w), c) for w, c in word_counts.items()]
    merges = []
    for _ in range(num_merges):
        counts = Counter()
        for symbols, c in words:
            i = 0
            while i + 1 < len(symbols):
                pair = (symbols[i], symbols[i + 1])
                counts[pair] += c
                # a repeated symbol is counted once per two positions
                i += 2 if symbols[i] == symbols[i + 1] else 1
        if not counts:
            break
        best = min(counts, key=lambda pair: (-counts[pair], pair))
        merges.append(best)
        words = [(merge_pair(s, best), c) for s, c in words]
    return merges


def encode(word, merges):
    rank = {pair: i for i, pair in reversed(list(enumerate(merges)))}
    symbols = list(word)
    while True:
        present = [p for p in zip(symbols, symbols[1:], strict=False) if p in rank]
        if not present:
            return symbols
        symbols = merge_pair(symbols, min(present, key=rank.get))
