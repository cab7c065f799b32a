def ngram_matches(hypotheses: list[list[str]], references: list[list[list[str]]],
                  n: int) -> tuple[int, int]:
    """Return (clipped n-gram matches, hypothesis n-grams), summed over the corpus."""
    raise NotImplementedError("count n-grams, clip by the max count in any one reference, sum")


def corpus_bleu(hypotheses: list[list[str]], references: list[list[list[str]]],
                max_n: int = 4, smooth: bool = False) -> float:
    """Corpus BLEU in [0, 1]: brevity penalty times the geometric mean of the n-gram precisions."""
    raise NotImplementedError("brevity penalty from corpus lengths, then exp(mean log precision)")
