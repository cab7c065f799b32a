"""Divides the binomials with //, so the failure probability is 0 unless every sample fails."""
import math


def pass_at_k(n, c, k):
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError("bad arguments")
    return 1.0 - math.comb(n - c, k) // math.comb(n, k)


def mean_pass_at_k(num_samples, num_correct, k):
    scores = [pass_at_k(n, c, k) for n, c in zip(num_samples, num_correct, strict=True)]
    return sum(scores) / len(scores)
