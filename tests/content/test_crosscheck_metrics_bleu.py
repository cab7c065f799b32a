"""Cross-checks for metrics/bleu: the reference against a brute-force oracle that scans token
lists with plain loops (no Counter), and (when installed) NLTK's corpus_bleu."""

from __future__ import annotations

import math
import random

import pytest
from itemload import item_dir, reference, wrong

ITEM = "metrics/bleu"
ref = reference(ITEM)


def occurrences(tokens, gram):
    n = len(gram)
    return sum(1 for i in range(len(tokens) - n + 1) if tuple(tokens[i:i + n]) == gram)


def oracle_matches(hyps, refs, n):
    matched = total = 0
    for h, rs in zip(hyps, refs, strict=True):
        seen = []
        for i in range(len(h) - n + 1):
            total += 1
            gram = tuple(h[i:i + n])
            if gram in seen:
                continue
            seen.append(gram)
            matched += min(occurrences(h, gram), max(occurrences(r, gram) for r in rs))
    return matched, total


def oracle_bleu(hyps, refs, smooth=False, max_n=4):
    c = sum(len(h) for h in hyps)
    r = 0
    for h, rs in zip(hyps, refs, strict=True):
        best = None
        for length in sorted(len(x) for x in rs):  # ascending: the first of equals is shorter
            if best is None or abs(length - len(h)) < abs(best - len(h)):
                best = length
        r += best
    if c == 0:
        return 0.0
    precisions = []
    for n in range(1, max_n + 1):
        m, t = oracle_matches(hyps, refs, n)
        if smooth and n > 1:
            m, t = m + 1, t + 1
        if m == 0:
            return 0.0
        precisions.append(m / t)
    bp = 1.0 if c > r else math.exp(1 - r / c)
    return bp * math.prod(precisions) ** (1 / max_n)


def random_corpus(seed, size=12, vocab=8):
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(vocab)]
    hyps, refs = [], []
    for _ in range(size):
        base = [rng.choice(words) for _ in range(rng.randint(2, 12))]
        noisy = [t if rng.random() < 0.7 else rng.choice(words) for t in base]
        hyps.append(noisy[: rng.randint(0, len(base))])
        refs.append([base] + [[rng.choice(words) for _ in range(rng.randint(1, 12))]
                              for _ in range(rng.randint(0, 2))])
    return hyps, refs


@pytest.mark.parametrize("seed", range(25))
def test_matches_oracle(seed):
    hyps, refs = random_corpus(seed)
    for n in (1, 2, 3, 4):
        assert ref.ngram_matches(hyps, refs, n) == oracle_matches(hyps, refs, n)
    for smooth in (False, True):
        got = ref.corpus_bleu(hyps, refs, smooth=smooth)
        assert isinstance(got, float)
        assert got == pytest.approx(oracle_bleu(hyps, refs, smooth), abs=1e-12)


def test_prompt_example():
    h = [["the", "cat", "sat", "on", "the", "mat"]]
    r = [[["the", "cat", "is", "on", "the", "mat"]]]
    assert ref.corpus_bleu(h, r) == 0.0
    assert ref.corpus_bleu(h, r, smooth=True) == pytest.approx((5 / 6 * 4 / 6 * 2 / 5 * 1 / 4) ** 0.25)


@pytest.mark.parametrize("seed", range(5))
def test_matches_nltk(seed):
    bleu_score = pytest.importorskip("nltk.translate.bleu_score")
    hyps, refs = random_corpus(seed, vocab=5)
    hyps = [h if len(h) >= 4 else h + ["w0"] * 4 for h in hyps]
    assert ref.corpus_bleu(hyps, refs) == pytest.approx(bleu_score.corpus_bleu(refs, hyps), abs=1e-12)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees_with_oracle(name):
    bad = wrong(ITEM, name)
    disagrees = False
    corpora = [random_corpus(s, vocab=4) for s in range(5)]
    tie = [["a", "b", "c", "d"], ["a", "b", "c", "d", "e", "x", "y", "z"]]
    corpora.append(([["a", "b", "c", "d", "e", "f"]], [tie]))
    for hyps, refs in corpora:
        for n in (1, 2):
            disagrees |= bad.ngram_matches(hyps, refs, n) != oracle_matches(hyps, refs, n)
        for smooth in (False, True):
            disagrees |= bad.corpus_bleu(hyps, refs, smooth=smooth) != pytest.approx(
                oracle_bleu(hyps, refs, smooth), abs=1e-12)
    assert disagrees
