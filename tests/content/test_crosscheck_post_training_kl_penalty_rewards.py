"""Cross-check post-training/kl-penalty-rewards: the rewards against a plain-Python loop, and the
estimators against the exact KL of two categorical distributions (F.kl_div) by Monte Carlo."""

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "post-training/kl-penalty-rewards"
ref = reference(ITEM)


def random_inputs(B, T, seed):
    g = torch.Generator().manual_seed(seed)
    policy = -torch.rand(B, T, generator=g, dtype=torch.float64) * 3
    refl = policy + torch.randn(B, T, generator=g, dtype=torch.float64) * 0.5
    scores = torch.randn(B, generator=g, dtype=torch.float64)
    mask = torch.zeros(B, T, dtype=torch.bool)
    for b in range(B):
        start = int(torch.randint(0, T, (1,), generator=g))
        end = int(torch.randint(start + 1, T + 1, (1,), generator=g))
        mask[b, start:end] = True
    return policy, refl, scores, mask


def python_rewards(policy, refl, scores, mask, beta):
    out = []
    for p, r, s, m in zip(policy.tolist(), refl.tolist(), scores.tolist(), mask.tolist(), strict=True):
        row = [(-beta * (a - b) if k else 0.0) for a, b, k in zip(p, r, m, strict=True)]
        last = max(i for i, k in enumerate(m) if k)
        row[last] += s
        out.append(row)
    return torch.tensor(out, dtype=torch.float64)


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("beta", [0.0, 0.05, 0.2])
def test_rewards_match_loop(seed, beta):
    policy, refl, scores, mask = random_inputs(4, 9, seed)
    got = ref.kl_penalized_rewards(policy, refl, scores, mask, beta=beta)
    torch.testing.assert_close(got, python_rewards(policy, refl, scores, mask, beta), rtol=1e-12, atol=1e-12)


def test_estimators_match_formulas_elementwise():
    g = torch.Generator().manual_seed(1)
    p = -torch.rand(50, generator=g, dtype=torch.float64) * 5
    q = -torch.rand(50, generator=g, dtype=torch.float64) * 5
    k1, k2, k3 = ref.kl_estimators(p, q)
    for a, b, x1, x2, x3 in zip(p.tolist(), q.tolist(), k1.tolist(), k2.tolist(), k3.tolist(), strict=True):
        ratio = math.exp(b - a)
        assert x1 == pytest.approx(a - b, rel=1e-12, abs=1e-14)
        assert x2 == pytest.approx(0.5 * math.log(ratio) ** 2, rel=1e-12, abs=1e-14)
        assert x3 == pytest.approx(ratio - 1 - math.log(ratio), rel=1e-9, abs=1e-14)
        assert x2 >= 0 and x3 >= 0


def test_k1_and_k3_are_unbiased_for_the_exact_kl():
    g = torch.Generator().manual_seed(0)
    logits_pi = torch.randn(12, generator=g, dtype=torch.float64)
    logits_ref = logits_pi + torch.randn(12, generator=g, dtype=torch.float64) * 0.4
    log_pi, log_ref = logits_pi.log_softmax(-1), logits_ref.log_softmax(-1)
    exact = F.kl_div(log_ref, log_pi, log_target=True, reduction="sum")  # KL(pi || ref)
    # Exact expectations under pi (no sampling noise): sum_y pi(y) k(y).
    k1, k2, k3 = ref.kl_estimators(log_pi, log_ref)
    pi = log_pi.exp()
    torch.testing.assert_close((pi * k1).sum(), exact)
    torch.testing.assert_close((pi * k3).sum(), exact)
    assert abs((pi * k2).sum() - exact) < 0.2 * exact  # biased, but close for nearby policies
    # And by sampling: 200k draws, standard error well below 1e-3 here.
    idx = torch.multinomial(pi, 200_000, replacement=True, generator=g)
    assert abs(k3[idx].mean() - exact) < 3e-3


@pytest.mark.parametrize("name", ["score_at_last_position", "score_at_mask_count", "score_at_first_token",
                                  "kl_sign_flipped", "penalty_unmasked", "k3_wrong_direction",
                                  "k2_without_half"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    policy, refl, scores, mask = random_inputs(5, 8, 3)
    mask[0] = torch.tensor([0, 0, 1, 1, 1, 0, 0, 0], dtype=torch.bool)
    got = bad.kl_penalized_rewards(policy, refl, scores, mask, beta=0.1)
    rewards_ok = torch.allclose(got, python_rewards(policy, refl, scores, mask, 0.1))
    got_k = bad.kl_estimators(policy, refl)
    want_k = ref.kl_estimators(policy, refl)
    estimators_ok = all(torch.allclose(a, b) for a, b in zip(got_k, want_k, strict=True))
    assert not (rewards_ok and estimators_ok)
