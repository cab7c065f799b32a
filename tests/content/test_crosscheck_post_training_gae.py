"""Cross-check post-training/gae against the definition: a brute-force sum of discounted TD errors
A_t = sum_l (gamma lam)^l delta_{t+l}, truncated at the episode end, in plain Python floats."""

import pytest
import torch
from itemload import reference, wrong

ITEM = "post-training/gae"
ref = reference(ITEM)


def random_rollout(N, T, seed, p_done):
    g = torch.Generator().manual_seed(seed)
    rewards = torch.randn(N, T, generator=g, dtype=torch.float64)
    values = torch.randn(N, T, generator=g, dtype=torch.float64)
    dones = torch.rand(N, T, generator=g) < p_done
    last = torch.randn(N, generator=g, dtype=torch.float64)
    return rewards, values, dones, last


def brute_force(rewards, values, dones, last, gamma, lam):
    N, T = rewards.shape
    adv = [[0.0] * T for _ in range(N)]
    for n in range(N):
        r, v, d = rewards[n].tolist(), values[n].tolist(), dones[n].tolist()
        v_next = v[1:] + [last[n].item()]
        deltas = [r[t] + (0.0 if d[t] else gamma * v_next[t]) - v[t] for t in range(T)]
        for t in range(T):
            total, weight = 0.0, 1.0
            for k in range(t, T):
                total += weight * deltas[k]
                if d[k]:
                    break  # the episode ends at k: nothing later belongs to it
                weight *= gamma * lam
            adv[n][t] = total
    adv = torch.tensor(adv, dtype=torch.float64)
    return adv, adv + values


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("gamma,lam", [(0.99, 0.95), (1.0, 1.0), (0.9, 0.0), (0.8, 0.5)])
@pytest.mark.parametrize("p_done", [0.0, 0.2, 0.6])
def test_matches_brute_force(seed, gamma, lam, p_done):
    inputs = random_rollout(3, 11, seed, p_done)
    adv, ret = ref.gae(*inputs, gamma=gamma, lam=lam)
    want_adv, want_ret = brute_force(*inputs, gamma, lam)
    torch.testing.assert_close(adv, want_adv, rtol=1e-12, atol=1e-12)
    torch.testing.assert_close(ret, want_ret, rtol=1e-12, atol=1e-12)


def test_lambda_one_returns_are_discounted_reward_sums():
    rewards, values, dones, last = random_rollout(2, 9, 77, 0.25)
    _, ret = ref.gae(rewards, values, dones, last, gamma=0.9, lam=1.0)
    for n in range(2):
        running = last[n].item()
        for t in reversed(range(9)):
            running = rewards[n, t].item() + (0.0 if dones[n, t] else 0.9 * running)
            assert ret[n, t].item() == pytest.approx(running, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("name", ["bootstrap_across_done", "recursion_not_cut", "lambda_without_gamma",
                                  "discounted_reward_returns", "no_bootstrap"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    inputs = random_rollout(3, 10, 5, 0.3)
    adv, ret = bad.gae(*inputs, gamma=0.9, lam=0.8)
    want_adv, want_ret = brute_force(*inputs, 0.9, 0.8)
    assert not (torch.allclose(adv, want_adv) and torch.allclose(ret, want_ret))
