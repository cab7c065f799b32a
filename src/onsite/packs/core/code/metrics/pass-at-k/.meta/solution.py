def pass_at_k(n: int, c: int, k: int) -> float:
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError(f"need 0 <= c <= n and 1 <= k <= n, got n={n}, c={c}, k={k}")
    if n - c < k:
        # Every size-k subset contains a correct sample.
        return 1.0
    # C(n-c, k) / C(n, k) = prod_{i=n-c+1}^{n} (1 - k / i): no huge binomials, no overflow.
    fail = 1.0
    for i in range(n - c + 1, n + 1):
        fail *= 1.0 - k / i
    return 1.0 - fail


def mean_pass_at_k(num_samples: list[int], num_correct: list[int], k: int) -> float:
    # Estimate per problem, then average: problems weigh equally, whatever their n.
    scores = [pass_at_k(n, c, k) for n, c in zip(num_samples, num_correct, strict=True)]
    return sum(scores) / len(scores)
