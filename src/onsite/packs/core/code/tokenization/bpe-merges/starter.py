def train_bpe(corpus: list[str], num_merges: int) -> list[tuple[str, str]]:
    """Learn up to num_merges merges from the whitespace-separated words of corpus."""
    raise NotImplementedError("count adjacent pairs per word type, merge the best, repeat")


def encode(word: str, merges: list[tuple[str, str]]) -> list[str]:
    """Split word into symbols using the learned merges, lowest rank first."""
    raise NotImplementedError("start from characters, apply the lowest-ranked merge present")
