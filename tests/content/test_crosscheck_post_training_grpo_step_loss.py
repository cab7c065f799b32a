"""post-training/grpo-step-loss: the vectorised reference against a direct loop over prompts,
completions and tokens in plain Python floats, with the gradient checked by autograd on the loop
(trl is not installed here, so no library comparison)."""

import math

import pytest
import torch
from itemload import reference, wrong

ITEM = "post-training/grpo-step-loss"
ref = reference(ITEM)


def loop_loss(new, old, refl, rewards, mask, G, clip_eps, beta, adv_eps, token_level):
    N, T = new.shape
    advs = []
    for g0 in range(0, N, G):
        rs = [float(rewards[i]) for i in range(g0, g0 + G)]
        mu = sum(rs) / G
        sd = math.sqrt(sum((r - mu) ** 2 for r in rs) / (G - 1))
        advs += [(r - mu) / (sd + adv_eps) for r in rs]
    seq_means, all_terms = [], []
    for i in range(N):
        terms = []
        for t in range(T):
            if not mask[i, t]:
                continue
            rho = torch.exp(new[i, t] - old[i, t])
            lo, hi = 1 - clip_eps, 1 + clip_eps
            clipped = min(max(rho, torch.tensor(lo, dtype=rho.dtype)), torch.tensor(hi, dtype=rho.dtype))
            surr = torch.minimum(rho * advs[i], clipped * advs[i])
            x = refl[i, t] - new[i, t]
            terms.append(-(surr - beta * (torch.exp(x) - x - 1)))
        all_terms += terms
        seq_means.append(sum(terms) / len(terms) if terms else torch.zeros((), dtype=new.dtype))
    if token_level:
        return sum(all_terms) / max(1, len(all_terms)), advs
    return sum(seq_means) / N, advs


def data(n_prompts, G, T, seed, drift=0.5):
    g = torch.Generator().manual_seed(seed)
    N = n_prompts * G
    old = -torch.rand(N, T, generator=g, dtype=torch.float64) * 3
    new = old + torch.randn(N, T, generator=g, dtype=torch.float64) * drift
    refl = old + torch.randn(N, T, generator=g, dtype=torch.float64) * drift
    rewards = torch.randint(0, 3, (N,), generator=g).double()
    lengths = torch.randint(0, T + 1, (N,), generator=g)
    mask = torch.arange(T)[None] < lengths[:, None]
    return new, old, refl, rewards, mask


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("token_level", [False, True])
def test_matches_loop(seed, token_level):
    G = [2, 3, 4, 4, 8, 5][seed]
    new, old, refl, rewards, mask = data(2 + seed % 3, G, 6, seed)
    kw = dict(clip_eps=0.2, beta=[0.0, 0.04, 0.3][seed % 3], adv_eps=1e-4, token_level=token_level)
    a = new.clone().requires_grad_(True)
    loss, adv, per_token = ref.grpo_loss(a, old, refl, rewards, mask, G, **kw)
    loss.backward()
    b = new.clone().requires_grad_(True)
    want, want_adv = loop_loss(b, old, refl, rewards, mask, G, **kw)
    want.backward()
    torch.testing.assert_close(loss.detach(), want.detach(), atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(adv, torch.tensor(want_adv, dtype=torch.float64), atol=1e-12, rtol=1e-10)
    torch.testing.assert_close(a.grad, b.grad, atol=1e-12, rtol=1e-10)
    assert torch.all(per_token[~mask] == 0)


@pytest.mark.parametrize("name", ["means_swapped", "k1_kl_estimator", "std_over_batch",
                                  "mask_ignored_in_mean", "clipped_term_only"])
def test_wrong_variants_disagree(name):
    new, old, refl, rewards, mask = data(3, 4, 6, 11, drift=1.0)
    kw = dict(clip_eps=0.2, beta=0.1, adv_eps=1e-4, token_level=False)
    want, _ = loop_loss(new, old, refl, rewards, mask, 4, **kw)
    got, _, _ = wrong(ITEM, name).grpo_loss(new, old, refl, rewards, mask, 4, **kw)
    assert abs(float(got) - float(want)) > 1e-6
