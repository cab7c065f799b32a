"""Cross-check post-training/dapo-clip-higher against a plain-Python transcription of DAPO's Eq. 8
(token-level, asymmetric clip, dynamic-sampling filter) and against the grpo-advantages reference
in the case where the two objectives coincide (symmetric clip, equal lengths, no group dropped)."""

import math
import statistics

import pytest
import torch
from itemload import reference, wrong

ITEM = "post-training/dapo-clip-higher"
ref = reference(ITEM)
grpo = reference("post-training/grpo-advantages")


def random_inputs(N, T, seed, drift=0.6, equal_lengths=False):
    g = torch.Generator().manual_seed(seed)
    old = -torch.rand(N, T, generator=g, dtype=torch.float64) * 3
    new = old + torch.randn(N, T, generator=g, dtype=torch.float64) * drift
    lengths = torch.full((N,), T) if equal_lengths else torch.randint(1, T + 1, (N,), generator=g)
    mask = torch.arange(T)[None, :] < lengths[:, None]
    return new, old, mask


def python_dapo(new, old, rewards, mask, G, eps_low, eps_high, std_eps):
    r = rewards.tolist()
    num = 0.0
    den = 0
    keep = []
    for start in range(0, len(r), G):
        group = r[start:start + G]
        informative = max(group) > min(group)
        keep += [informative] * G
        if not informative:
            continue
        mean, std = statistics.fmean(group), statistics.stdev(group)
        for i in range(start, start + G):
            a = (r[i] - mean) / (std + std_eps)
            for t, m in enumerate(mask[i].tolist()):
                if not m:
                    continue
                rho = math.exp(new[i, t].item() - old[i, t].item())
                num -= min(rho * a, min(max(rho, 1 - eps_low), 1 + eps_high) * a)
                den += 1
    return (num / den if den else 0.0), keep


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("G", [2, 4])
@pytest.mark.parametrize("eps_low,eps_high", [(0.2, 0.28), (0.1, 0.5)])
def test_matches_python(seed, G, eps_low, eps_high):
    N = 4 * G
    new, old, mask = random_inputs(N, 10, seed)
    g = torch.Generator().manual_seed(1000 + seed)
    rewards = (torch.rand(N, generator=g) < 0.5).double()
    loss, keep = ref.dapo_loss(new, old, rewards, mask, G, eps_low=eps_low, eps_high=eps_high)
    want_loss, want_keep = python_dapo(new, old, rewards, mask, G, eps_low, eps_high, 1e-6)
    assert keep.tolist() == want_keep
    assert torch.equal(ref.dynamic_sampling_mask(rewards, G), keep)
    assert loss.item() == pytest.approx(want_loss, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("seed", range(4))
def test_reduces_to_grpo_when_they_coincide(seed):
    G = 4
    new, old, mask = random_inputs(12, 8, seed, equal_lengths=True)
    rewards = torch.randn(12, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)
    loss, keep = ref.dapo_loss(new, old, rewards, mask, G, eps_low=0.2, eps_high=0.2, std_eps=1e-6)
    assert keep.all()
    adv = grpo.group_advantages(rewards, G, eps=1e-6)
    torch.testing.assert_close(loss, grpo.grpo_loss(new, old, adv, mask, clip_eps=0.2))


def test_all_dropped_is_zero_with_zero_gradient():
    new, old, mask = random_inputs(6, 5, 0)
    new.requires_grad_(True)
    loss, keep = ref.dapo_loss(new, old, torch.ones(6, dtype=torch.float64), mask, 3)
    loss.backward()
    assert loss.item() == 0.0 and not keep.any()
    assert torch.equal(new.grad, torch.zeros_like(new))


@pytest.mark.parametrize("name", ["symmetric_clip", "eps_swapped", "per_sequence_mean",
                                  "no_filter_in_denominator", "drops_only_failed_groups", "population_std",
                                  "strided_groups"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    new, old, mask = random_inputs(12, 10, 21, drift=0.8)
    rewards = torch.tensor([1., 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0], dtype=torch.float64)
    loss, keep = bad.dapo_loss(new, old, rewards, mask, 3)
    want_loss, want_keep = python_dapo(new, old, rewards, mask, 3, 0.2, 0.28, 1e-6)
    assert keep.tolist() != want_keep or loss.item() != pytest.approx(want_loss, rel=1e-9)
