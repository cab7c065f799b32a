def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k for one problem: 1 - C(n - c, k) / C(n, k); ValueError unless 1 <= k <= n."""
    raise NotImplementedError("handle n - c < k, then a product instead of binomials")


def mean_pass_at_k(num_samples: list[int], num_correct: list[int], k: int) -> float:
    """Average the per-problem estimates."""
    raise NotImplementedError("pass_at_k per problem, then the mean")
