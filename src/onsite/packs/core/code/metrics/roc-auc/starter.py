def roc_curve(scores: list[float], labels: list[int]) -> tuple[list[float], list[float]]:
    """Return (fpr, tpr): one point per distinct score from high to low, from (0,0) to (1,1)."""
    raise NotImplementedError("sort by score, walk the tie groups, accumulate TP and FP counts")


def roc_auc(scores: list[float], labels: list[int]) -> float:
    """Area under the ROC curve: P(positive scored above negative), ties counting 1/2."""
    raise NotImplementedError("count positive-negative pairs in O(N log N), ties as halves")
