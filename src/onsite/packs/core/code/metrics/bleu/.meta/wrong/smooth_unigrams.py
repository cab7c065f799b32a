"""Applies the add-one smoothing to unigram precision as well."""
import math
from collections import Counter


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def ngram_matches(hypotheses: list[list[str]], references: list[list[list[str]]],
                  n: int) -> tuple[int, int]:
    matched, total = 0, 0
    for hyp, refs in zip(hypotheses, references, strict=True):
        counts = _ngrams(hyp, n)
        max_ref = Counter()
        for ref in refs:
            max_ref |= _ngrams(ref, n)
        matched += sum(min(c, max_ref[g]) for g, c in counts.items())
        total += max(len(hyp) - n + 1, 0)
    return matched, total


def corpus_bleu(hypotheses: list[list[str]], references: list[list[list[str]]],
                max_n: int = 4, smooth: bool = False) -> float:
    c = sum(len(h) for h in hypotheses)
    r = sum(min((len(ref) for ref in refs), key=lambda m: (abs(m - len(h)), m))
            for h, refs in zip(hypotheses, references, strict=True))
    if c == 0:
        return 0.0
    bp = 1.0 if c > r else math.exp(1 - r / c)

    log_sum = 0.0
    for n in range(1, max_n + 1):
        matched, total = ngram_matches(hypotheses, references, n)
        if smooth:
            matched, total = matched + 1, total + 1
        if matched == 0:
            return 0.0
        log_sum += math.log(matched / total) / max_n
    return bp * math.exp(log_sum)
