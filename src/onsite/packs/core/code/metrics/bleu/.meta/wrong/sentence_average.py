"""Averages sentence-level BLEU scores instead of pooling the counts over the corpus."""
import math
from collections import Counter


def _ngrams(tokens, n):
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def ngram_matches(hypotheses, references, n):
    matched, total = 0, 0
    for hyp, refs in zip(hypotheses, references, strict=True):
        counts = _ngrams(hyp, n)
        max_ref = Counter()
        for ref in refs:
            max_ref |= _ngrams(ref, n)
        matched += sum(min(c, max_ref[g]) for g, c in counts.items())
        total += max(len(hyp) - n + 1, 0)
    return matched, total


def _sentence(hyp, refs, max_n, smooth):
    c = len(hyp)
    r = min((len(ref) for ref in refs), key=lambda m: (abs(m - c), m))
    if c == 0:
        return 0.0
    bp = 1.0 if c > r else math.exp(1 - r / c)
    log_sum = 0.0
    for n in range(1, max_n + 1):
        matched, total = ngram_matches([hyp], [refs], n)
        if smooth and n >= 2:
            matched, total = matched + 1, total + 1
        if matched == 0:
            return 0.0
        log_sum += math.log(matched / total) / max_n
    return bp * math.exp(log_sum)


def corpus_bleu(hypotheses, references, max_n=4, smooth=False):
    scores = [_sentence(h, r, max_n, smooth) for h, r in zip(hypotheses, references, strict=True)]
    return sum(scores) / len(scores)
