"""Skips the argument check: k > n silently returns 1.0 instead of raising."""


def pass_at_k(n, c, k):
    if n - c < k:
        return 1.0
    fail = 1.0
    for i in range(n - c + 1, n + 1):
        fail *= 1.0 - k / i
    return 1.0 - fail


def mean_pass_at_k(num_samples, num_correct, k):
    scores = [pass_at_k(n, c, k) for n, c in zip(num_samples, num_correct, strict=True)]
    return sum(scores) / len(scores)
