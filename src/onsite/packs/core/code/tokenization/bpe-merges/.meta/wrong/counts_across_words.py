"""Counts pairs across word boundaries by treating each text as one run of characters."""
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
    sequences = [list("".join(text.split())) for text in corpus]
    merges = []
    for _ in range(num_merges):
        counts = Counter()
        for symbols in sequences:
            for pair in zip(symbols, symbols[1:], strict=False):
                counts[pair] += 1
        if not counts:
            break
        best = min(counts, key=lambda pair: (-counts[pair], pair))
        merges.append(best)
        sequences = [merge_pair(s, best) for s in sequences]
    return merges


def encode(word, merges):
    rank = {pair: i for i, pair in reversed(list(enumerate(merges)))}
    symbols = list(word)
    while True:
        present = [p for p in zip(symbols, symbols[1:], strict=False) if p in rank]
        if not present:
            return symbols
        symbols = merge_pair(symbols, min(present, key=rank.get))
