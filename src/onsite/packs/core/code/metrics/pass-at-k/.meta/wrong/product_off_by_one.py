"""Runs the product over i = n - c .. n - 1 instead of n - c + 1 .. n."""


def pass_at_k(n, c, k):
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError("bad arguments")
    if n - c < k:
        return 1.0
    fail = 1.0
    for i in range(max(n - c, 1), n):
        fail *= 1.0 - k / i
    return 1.0 - fail


def mean_pass_at_k(num_samples, num_correct, k):
    scores = [pass_at_k(n, c, k) for n, c in zip(num_samples, num_correct, strict=True)]
    return sum(scores) / len(scores)
