"""Cross-check post-training/ppo-clipped-objective against a plain-Python loop over tokens
(Schulman et al. 2017, Eq. 7; k3 KL) and the analytic gradient of the clipped surrogate."""

import math

import pytest
import torch
from itemload import reference, wrong

ITEM = "post-training/ppo-clipped-objective"
ref = reference(ITEM)


def random_inputs(N, T, seed, drift=0.5):
    g = torch.Generator().manual_seed(seed)
    old = -torch.rand(N, T, generator=g, dtype=torch.float64) * 3
    new = old + torch.randn(N, T, generator=g, dtype=torch.float64) * drift
    adv = torch.randn(N, T, generator=g, dtype=torch.float64)
    mask = torch.rand(N, T, generator=g) < 0.7
    mask[0, 0] = True
    return new, old, adv, mask


def python_ppo(new, old, adv, mask, eps):
    loss = clipped = kl = 0.0
    count = 0
    for n, o, a, m in zip(new.flatten().tolist(), old.flatten().tolist(), adv.flatten().tolist(),
                          mask.flatten().tolist(), strict=True):
        if not m:
            continue
        r = math.exp(n - o)
        unclipped_obj = r * a
        clipped_obj = min(max(r, 1 - eps), 1 + eps) * a
        loss -= min(unclipped_obj, clipped_obj)
        clipped += (a > 0 and r > 1 + eps) or (a < 0 and r < 1 - eps)
        kl += (r - 1) - (n - o)
        count += 1
    return loss / count, clipped / count, kl / count


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("eps", [0.1, 0.2, 0.3])
def test_matches_python(seed, eps):
    new, old, adv, mask = random_inputs(4, 9, seed)
    loss, frac, kl = ref.ppo_policy_loss(new, old, adv, mask, clip_eps=eps)
    want = python_ppo(new, old, adv, mask, eps)
    assert loss.item() == pytest.approx(want[0], rel=1e-12, abs=1e-14)
    assert frac.item() == pytest.approx(want[1], abs=1e-15)
    assert kl.item() == pytest.approx(want[2], rel=1e-12, abs=1e-14)


def test_gradient_analytic():
    new, old, adv, mask = random_inputs(3, 7, 5, drift=0.8)
    new.requires_grad_(True)
    loss, _, _ = ref.ppo_policy_loss(new, old, adv, mask, clip_eps=0.2)
    loss.backward()
    r = torch.exp(new.detach() - old)
    cut = ((adv > 0) & (r > 1.2)) | ((adv < 0) & (r < 0.8))
    # d(-r A)/d logp = -r A where not clipped, 0 where clipped; divided by the token count.
    want = torch.where(mask & ~cut, -r * adv, torch.zeros_like(r)) / mask.sum()
    torch.testing.assert_close(new.grad, want)


@pytest.mark.parametrize("name", ["per_sequence_mean", "max_instead_of_min", "clip_frac_two_sided", "kl_k1",
                                  "clip_loss_only", "mask_ignored", "unclipped_ratio_from_difference"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    new, old, adv, mask = random_inputs(4, 9, 17, drift=0.8)
    got = [t.item() for t in bad.ppo_policy_loss(new, old, adv, mask, clip_eps=0.2)]
    want = python_ppo(new, old, adv, mask, 0.2)
    assert got != pytest.approx(list(want), rel=1e-9, abs=1e-12)
