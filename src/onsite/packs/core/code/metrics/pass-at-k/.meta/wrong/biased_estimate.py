"""Uses the biased plug-in estimate 1 - (1 - c/n)**k instead of the combinatorial one."""


def pass_at_k(n, c, k):
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError("bad arguments")
    return 1.0 - (1.0 - c / n) ** k


def mean_pass_at_k(num_samples, num_correct, k):
    scores = [pass_at_k(n, c, k) for n, c in zip(num_samples, num_correct, strict=True)]
    return sum(scores) / len(scores)
