"""Cross-check post-training/kto-loss against a plain-Python transcription of Ethayarajh et al.
(2024) and an autograd re-derivation with an explicit stop-gradient (trl is not a dependency)."""

import math

import pytest
import torch
from itemload import reference, wrong

ITEM = "post-training/kto-loss"
ref = reference(ITEM)


def random_inputs(B, M, seed, drift):
    g = torch.Generator().manual_seed(seed)
    ref_l = -(torch.rand(B, generator=g, dtype=torch.float64) * 20 + 2)
    pol = ref_l + torch.randn(B, generator=g, dtype=torch.float64) * 2
    desirable = torch.rand(B, generator=g) < 0.4
    kl_r = -(torch.rand(M, generator=g, dtype=torch.float64) * 20 + 2)
    kl_p = kl_r + drift + torch.randn(M, generator=g, dtype=torch.float64)
    return pol, ref_l, desirable, kl_p, kl_r


def python_kto(pol, ref_l, desirable, kl_p, kl_r, beta, ld, lu):
    diffs = [a - b for a, b in zip(kl_p.tolist(), kl_r.tolist(), strict=True)]
    z0 = max(0.0, sum(diffs) / len(diffs))
    total = 0.0
    for p, r, d in zip(pol.tolist(), ref_l.tolist(), desirable.tolist(), strict=True):
        x = beta * ((p - r) - z0) if d else beta * (z0 - (p - r))
        total += (ld if d else lu) * (1 - 1 / (1 + math.exp(-x)))
    return total / len(pol), z0


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("drift", [-2.0, 0.3, 4.0])
@pytest.mark.parametrize("beta,ld,lu", [(0.1, 1.0, 1.0), (1.0, 1.33, 0.5)])
def test_matches_python(seed, drift, beta, ld, lu):
    inputs = random_inputs(10, 7, seed, drift)
    loss, z0 = ref.kto_loss(*inputs, beta=beta, lambda_d=ld, lambda_u=lu)
    want_loss, want_z0 = python_kto(*inputs, beta, ld, lu)
    assert loss.item() == pytest.approx(want_loss, rel=1e-12)
    assert z0.item() == pytest.approx(want_z0, abs=1e-12)


def test_gradient_matches_stop_gradient_derivation():
    pol, ref_l, desirable, kl_p, kl_r = random_inputs(8, 8, 3, 1.0)
    beta, ld, lu = 0.6, 1.0, 1.5
    a = pol.clone().requires_grad_(True)
    kp = kl_p.clone().requires_grad_(True)
    loss, _ = ref.kto_loss(a, ref_l, desirable, kp, kl_r, beta=beta, lambda_d=ld, lambda_u=lu)
    loss.backward()
    # d/dr of lambda * (1 - sigmoid(+-beta (r - z0))) = -+ lambda * beta * s (1 - s), mean over B.
    z0 = max(0.0, (kl_p - kl_r).mean().item())
    r = pol - ref_l
    x = torch.where(desirable, beta * (r - z0), beta * (z0 - r))
    s = torch.sigmoid(x)
    sign = torch.where(desirable, -1.0, 1.0).double()
    lam = torch.where(desirable, ld, lu).double()
    torch.testing.assert_close(a.grad, sign * lam * beta * s * (1 - s) / 8)
    assert kp.grad is None or torch.all(kp.grad == 0)


@pytest.mark.parametrize("name", ["z0_not_detached", "no_clamp", "no_reference_point", "same_direction",
                                  "weights_swapped", "log_sigmoid_like_dpo", "mean_per_class",
                                  "beta_outside"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    out = []
    for drift in (-2.0, 3.0):
        pol, ref_l, desirable, kl_p, kl_r = random_inputs(9, 9, 11, drift)
        kp = kl_p.clone().requires_grad_(True)
        loss, _ = bad.kto_loss(pol.requires_grad_(True), ref_l, desirable, kp, kl_r, beta=0.7,
                               lambda_d=1.0, lambda_u=1.4)
        want, _ = python_kto(pol.detach(), ref_l, desirable, kl_p, kl_r, 0.7, 1.0, 1.4)
        loss.backward()
        leaked = kp.grad is not None and bool(kp.grad.abs().sum() > 0)
        out.append(leaked or loss.item() != pytest.approx(want, rel=1e-9))
    assert any(out)
