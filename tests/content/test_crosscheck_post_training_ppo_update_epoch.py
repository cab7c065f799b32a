"""Cross-checks for post-training/ppo-update-epoch: the reference against an independent
PPO epoch written per sample with torch.distributions.Categorical and the piecewise form of
the clipped objective (A >= 0: min(rho, 1 + eps) A; A < 0: max(rho, 1 - eps) A)."""

from __future__ import annotations

import copy

import pytest
import torch
from itemload import reference, wrong
from torch import nn
from torch.distributions import Categorical

ITEM = "post-training/ppo-update-epoch"
ref = reference(ITEM)


class Net(nn.Module):
    def __init__(self, seed, D=3, A=4):
        super().__init__()
        torch.manual_seed(seed)
        self.body = nn.Sequential(nn.Linear(D, 10), nn.Tanh())
        self.logits = nn.Linear(10, A)
        self.value = nn.Linear(10, 1)
        self.double()

    def forward(self, obs):
        h = self.body(obs)
        return self.logits(h), self.value(h)[:, 0]


def make_batch(seed, N, D=3, A=4):
    g = torch.Generator().manual_seed(seed)
    obs = torch.randn(N, D, generator=g, dtype=torch.float64)
    actions = torch.randint(0, A, (N,), generator=g)
    logprobs = -torch.rand(N, generator=g, dtype=torch.float64) * 2.0 - 0.3
    values = torch.randn(N, generator=g, dtype=torch.float64)
    adv = torch.randn(N, generator=g, dtype=torch.float64) * 3.0
    returns = values + adv + 0.5 * torch.randn(N, generator=g, dtype=torch.float64)
    perm = torch.randperm(N, generator=g)
    return {"obs": obs, "actions": actions, "logprobs": logprobs, "values": values,
            "advantages": adv, "returns": returns}, perm


def oracle_epoch(model, opt, batch, perm, M, clip_eps, vf_clip, vf_coef, ent_coef, norm_adv):
    out = {k: [] for k in ("loss", "policy_loss", "value_loss", "entropy", "clip_frac",
                           "approx_kl")}
    chunks = [perm[s:s + M].tolist() for s in range(0, len(perm), M)]
    for chunk in chunks:
        n = len(chunk)
        adv = batch["advantages"][chunk]
        if norm_adv:
            mean = adv.sum() / n
            std = (((adv - mean) ** 2).sum() / (n - 1)).sqrt()
            adv = (adv - mean) / (std + 1e-8)
        pol, val, ent, clipped, kl = [], [], [], 0, []
        for k, i in enumerate(chunk):
            logits, v = model(batch["obs"][i:i + 1])
            dist = Categorical(logits=logits[0])
            logp = dist.log_prob(batch["actions"][i])
            rho = torch.exp(logp - batch["logprobs"][i])
            a = adv[k]
            if a >= 0:
                pol.append(-torch.minimum(rho, torch.tensor(1 + clip_eps, dtype=rho.dtype)) * a)
            else:
                pol.append(-torch.maximum(rho, torch.tensor(1 - clip_eps, dtype=rho.dtype)) * a)
            ent.append(dist.entropy())
            v, old_v, r = v[0], batch["values"][i], batch["returns"][i]
            if vf_clip is None:
                val.append(0.5 * (v - r) ** 2)
            else:
                vc = torch.clamp(v, old_v - vf_clip, old_v + vf_clip)
                val.append(0.5 * torch.maximum((v - r) ** 2, (vc - r) ** 2))
            clipped += int(rho.item() > 1 + clip_eps or rho.item() < 1 - clip_eps)
            kl.append(float((rho - 1 - torch.log(rho)).detach()))
        pl, vl, en = torch.stack(pol).mean(), torch.stack(val).mean(), torch.stack(ent).mean()
        loss = pl + vf_coef * vl - ent_coef * en
        opt.zero_grad()
        loss.backward()
        opt.step()
        for key, value in (("loss", loss), ("policy_loss", pl), ("value_loss", vl),
                           ("entropy", en)):
            out[key].append(value.item())
        out["clip_frac"].append(clipped / n)
        out["approx_kl"].append(sum(kl) / n)
    return out


CONFIGS = [
    dict(N=24, M=6, clip_eps=0.2, vf_clip=0.2, vf_coef=0.5, ent_coef=0.01, norm_adv=True),
    dict(N=11, M=4, clip_eps=0.1, vf_clip=None, vf_coef=1.0, ent_coef=0.05, norm_adv=True),
    dict(N=16, M=16, clip_eps=0.3, vf_clip=0.5, vf_coef=0.25, ent_coef=0.0, norm_adv=False),
]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("cfg", CONFIGS)
def test_matches_per_sample_oracle(cfg, seed):
    batch, perm = make_batch(seed, cfg["N"])
    kw = {k: cfg[k] for k in ("clip_eps", "vf_clip", "vf_coef", "ent_coef", "norm_adv")}
    m1 = Net(seed)
    m2 = copy.deepcopy(m1)
    o1 = torch.optim.Adam(m1.parameters(), lr=0.02)
    o2 = torch.optim.Adam(m2.parameters(), lr=0.02)
    got = ref.ppo_epoch(m1, o1, batch, perm, cfg["M"], **kw)
    want = oracle_epoch(m2, o2, batch, perm, cfg["M"], **kw)
    assert max(want["clip_frac"]) > 0  # the clip is exercised
    for key in want:
        assert got[key] == pytest.approx(want[key], rel=1e-9, abs=1e-12), key
    for p, q in zip(m1.parameters(), m2.parameters(), strict=True):
        torch.testing.assert_close(p, q, atol=1e-10, rtol=1e-8)


@pytest.mark.parametrize("name", ["ratio_new_over_new", "advantages_normalised_over_batch",
                                  "max_instead_of_min", "entropy_sign_flipped",
                                  "value_clip_takes_min"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    cfg = CONFIGS[0]
    kw = {k: cfg[k] for k in ("clip_eps", "vf_clip", "vf_coef", "ent_coef", "norm_adv")}
    batch, perm = make_batch(0, cfg["N"])
    m1 = Net(0)
    m2 = copy.deepcopy(m1)
    bad.ppo_epoch(m1, torch.optim.Adam(m1.parameters(), lr=0.02), batch, perm, cfg["M"], **kw)
    oracle_epoch(m2, torch.optim.Adam(m2.parameters(), lr=0.02), batch, perm, cfg["M"], **kw)
    w = torch.cat([p.detach().flatten() for p in m1.parameters()])
    r = torch.cat([p.detach().flatten() for p in m2.parameters()])
    assert not torch.allclose(w, r, atol=1e-7, rtol=1e-6)
