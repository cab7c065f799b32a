"""Breaks ties by whichever pair was counted first (max over the counter), not the smallest pair."""
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
    words = {tuple(w): c for w, c in word_counts.items()}
    merges = []
    for _ in range(num_merges):
        counts = Counter()
        for symbols, c in words.items():
            for pair in zip(symbols, symbols[1:], strict=False):
                counts[pair] += c
        if not counts:
            break
        best = max(counts, key=counts.get)
        merges.append(best)
        words = {tuple(merge_pair(list(s), best)): c for s, c in words.items()}
    return merges


def encode(word, merges):
    rank = {pair: i for i, pair in reversed(list(enumerate(merges)))}
    symbols = list(word)
    while True:
        present = [p for p in zip(symbols, symbols[1:], strict=False) if p in rank]
        if not present:
            return symbols
        symbols = merge_pair(symbols, min(present, key=rank.get))
