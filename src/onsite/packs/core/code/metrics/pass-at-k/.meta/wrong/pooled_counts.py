"""Pools the samples of all problems into one (sum n, sum c) before estimating, instead of averaging."""


def pass_at_k(n, c, k):
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError("bad arguments")
    if n - c < k:
        return 1.0
    fail = 1.0
    for i in range(n - c + 1, n + 1):
        fail *= 1.0 - k / i
    return 1.0 - fail


def mean_pass_at_k(num_samples, num_correct, k):
    return pass_at_k(sum(num_samples), sum(num_correct), k)
