"""Encodes by merging the leftmost pair that has any merge, instead of the lowest-ranked one."""
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
            for pair in zip(symbols, symbols[1:], strict=False):
                counts[pair] += c
        if not counts:
            break
        best = min(counts, key=lambda pair: (-counts[pair], pair))
        merges.append(best)
        words = [(merge_pair(s, best), c) for s, c in words]
    return merges


def encode(word, merges):
    known = set(merges)
    symbols = list(word)
    while True:
        for i in range(len(symbols) - 1):
            if (symbols[i], symbols[i + 1]) in known:
                symbols[i:i + 2] = [symbols[i] + symbols[i + 1]]
                break
        else:
            return symbols
