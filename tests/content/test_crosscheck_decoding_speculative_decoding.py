"""Cross-checks for decoding/speculative-decoding: Monte Carlo that the emitted tokens follow the
target distribution, a plain-Python oracle for the accept/reject walk, and the sampling call."""

from __future__ import annotations

import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "decoding/speculative-decoding"
ref = reference(ITEM)

P = torch.tensor([[0.5, 0.3, 0.15, 0.05], [0.1, 0.2, 0.3, 0.4], [0.0, 0.0, 0.6, 0.4]],
                 dtype=torch.float64)
Q = torch.tensor([[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]], dtype=torch.float64)


def monte_carlo(module, trials, seed):
    """Draft tokens from Q, one call per trial; the toy target does not depend on the prefix."""
    g = torch.Generator().manual_seed(seed)
    first = torch.zeros(4, dtype=torch.float64)
    second = torch.zeros(4, dtype=torch.float64)
    accepted = torch.zeros(3, dtype=torch.float64)
    drafts = torch.multinomial(Q, trials, replacement=True, generator=g).T  # (trials, 2)
    uniforms = torch.rand(trials, 2, generator=g, dtype=torch.float64)
    for t in range(trials):
        out, n = module.speculative_accept(drafts[t], Q, P, uniforms[t], g)
        first[int(out[0])] += 1
        if n >= 1:
            second[int(out[1])] += 1
        accepted[n] += 1
    return first / trials, second / second.sum(), accepted / trials


def test_output_distribution_is_the_target():
    first, second, accepted = monte_carlo(ref, 10_000, seed=0)
    # 10k trials: standard error at most 0.005 for the first token; 0.02 is four of them.
    assert torch.allclose(first, P[0], atol=0.02, rtol=0)
    # Given the first draft token was accepted (half the trials), the next emitted token
    # is again the target's: about 5k samples, standard error at most 0.0071.
    assert torch.allclose(second, P[1], atol=0.03, rtol=0)
    # Acceptance: P(n >= 1) = sum min(p0, q0) = 0.1 + 0.2 + 0.15 + 0.05 = 0.5.
    alpha0 = torch.minimum(P[0], Q[0]).sum()
    alpha1 = torch.minimum(P[1], Q[1]).sum()
    want = torch.stack([1 - alpha0, alpha0 * (1 - alpha1), alpha0 * alpha1])
    assert torch.allclose(accepted, want, atol=0.02, rtol=0)


def plain_walk(tokens, q, p, u):
    """The accepted count and the support the extra token must come from."""
    K = len(tokens)
    for i in range(K):
        x = tokens[i]
        if u[i] < p[i][x] / q[i][x]:
            continue
        return i, {v for v in range(len(p[i])) if p[i][v] - q[i][v] > 0}
    return K, {v for v in range(len(p[K])) if p[K][v] > 0}


def random_inputs(seed, K=3, V=6):
    g = torch.Generator().manual_seed(seed)
    p = torch.softmax(torch.randn(K + 1, V, generator=g, dtype=torch.float64) * 2, -1)
    p[K, : V // 2] = 0.0  # the bonus row has restricted support
    p[K] /= p[K].sum()
    q = torch.softmax(torch.randn(K, V, generator=g, dtype=torch.float64) * 2, -1)
    tokens = torch.multinomial(q, 1, generator=g).reshape(K)
    u = torch.rand(K, generator=g, dtype=torch.float64)
    if seed % 4 == 0:  # a token the target never emits, with u = 0
        p[0, tokens[0]] = 0.0
        p[0] /= p[0].sum()
        u[0] = 0.0
    if seed % 4 == 1:  # the draft agrees with the target: everything accepted
        q = p[:K].clone()
        tokens = torch.multinomial(q, 1, generator=g).reshape(K)
    return tokens, q, p, u


def agrees_with_walk(module, seed):
    tokens, q, p, u = random_inputs(seed)
    out, n = module.speculative_accept(tokens, q, p, u, torch.Generator().manual_seed(seed))
    want_n, support = plain_walk(tokens.tolist(), q.tolist(), p.tolist(), u.tolist())
    return (n == want_n and out.shape == (n + 1,) and out[:n].tolist() == tokens[:n].tolist()
            and int(out[n]) in support)


@pytest.mark.parametrize("seed", range(40))
def test_walk_matches_plain_python(seed):
    assert agrees_with_walk(ref, seed)


def test_follows_the_sampling_contract():
    tokens, q, p, u = random_inputs(2)
    out, n = ref.speculative_accept(tokens, q, p, u, torch.Generator().manual_seed(7))
    row = torch.clamp(p[n] - q[n], min=0) if n < len(tokens) else p[n]
    extra = torch.multinomial(row / row.sum() if n < len(tokens) else row, 1,
                              generator=torch.Generator().manual_seed(7))
    assert out.dtype == torch.int64 and isinstance(n, int)
    assert int(out[n]) == int(extra)


def test_prompt_example():
    out, n = ref.speculative_accept(
        torch.tensor([2, 0]), torch.tensor([[0.2, 0.2, 0.6], [0.5, 0.3, 0.2]]),
        torch.tensor([[0.3, 0.4, 0.3], [0.4, 0.4, 0.2], [0.1, 0.1, 0.8]]),
        torch.tensor([0.4, 0.9]), torch.Generator().manual_seed(0))
    assert out.tolist() == [2, 1] and n == 1


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees(name):
    bad = wrong(ITEM, name)
    if not all(agrees_with_walk(bad, seed) for seed in range(40)):
        return
    # Right walk, wrong distribution: the Monte Carlo frequencies catch it.
    first, _, _ = monte_carlo(bad, 4000, seed=1)
    assert not torch.allclose(first, P[0], atol=0.05, rtol=0)


def test_monte_carlo_catches_resampling_from_the_target():
    # Expected first-token law of that mistake: min(p, q) + beta * p = [0.35, 0.35, 0.225, 0.075].
    first, _, _ = monte_carlo(wrong(ITEM, "resample_from_target"), 2000, seed=2)
    assert (first - P[0]).abs().max() > 0.1
