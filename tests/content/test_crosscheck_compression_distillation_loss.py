"""Cross-checks for compression/distillation-loss: the reference against F.kl_div(batchmean) and
F.cross_entropy, values and gradients, and an analytic gradient of the soft term."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from itemload import item_dir, reference, wrong

ITEM = "compression/distillation-loss"
ref = reference(ITEM)


def torch_loss(s, t, y, T, alpha):
    kl = F.kl_div(F.log_softmax(s / T, -1), F.log_softmax(t.detach() / T, -1), reduction="batchmean",
                  log_target=True)
    return alpha * T * T * kl + (1 - alpha) * F.cross_entropy(s, y)


def batch(seed, N=7, C=11, scale=2.0, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(N, C, generator=g, dtype=dtype) * scale,
            torch.randn(N, C, generator=g, dtype=dtype) * scale,
            torch.randint(0, C, (N,), generator=g))


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("T", [1.0, 2.0, 5.0])
@pytest.mark.parametrize("alpha", [0.0, 0.3, 1.0])
def test_matches_torch_values_and_gradients(seed, T, alpha):
    s, t, y = batch(seed)
    s1, s2 = s.clone().requires_grad_(True), s.clone().requires_grad_(True)
    t1 = t.clone().requires_grad_(True)
    ours = ref.distillation_loss(s1, t1, y, temperature=T, alpha=alpha)
    theirs = torch_loss(s2, t, y, T, alpha)
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    ours.backward()
    theirs.backward()
    torch.testing.assert_close(s1.grad, s2.grad, atol=1e-12, rtol=1e-10)
    assert t1.grad is None


def test_soft_gradient_is_q_minus_p_over_t_times_t_squared():
    # d/ds [T^2 KL(p^T || q^T)] / N-batchmean = T (q^T - p^T) / N.
    s, t, y = batch(1)
    s.requires_grad_(True)
    ref.distillation_loss(s, t, y, temperature=3.0, alpha=1.0).backward()
    want = 3.0 * (torch.softmax(s.detach() / 3, -1) - torch.softmax(t / 3, -1)) / s.shape[0]
    torch.testing.assert_close(s.grad, want, atol=1e-12, rtol=1e-10)


def test_large_logits_float32():
    s, t, y = batch(2, scale=100.0, dtype=torch.float32)
    ours = ref.distillation_loss(s, t, y, temperature=1.0, alpha=0.5)
    assert torch.isfinite(ours)
    torch.testing.assert_close(ours, torch_loss(s, t, y, 1.0, 0.5), atol=1e-3, rtol=1e-4)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees_with_torch(name):
    bad = wrong(ITEM, name)
    disagrees = False
    for s, t, y in (batch(0), batch(3, scale=100.0, dtype=torch.float32)):
        s1, t1 = s.clone().requires_grad_(True), t.clone().requires_grad_(True)
        got = bad.distillation_loss(s1, t1, y, temperature=3.0, alpha=0.7)
        want = torch_loss(s, t, y, 3.0, 0.7)
        disagrees |= not torch.allclose(got.detach(), want, atol=1e-4, rtol=1e-5)
        got.backward()
        disagrees |= t1.grad is not None and bool(t1.grad.abs().sum() > 0)
    assert disagrees
