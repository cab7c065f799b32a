import torch
from torch import nn

from onsite.judge.cases import case


class Policy(nn.Module):
    """Shared tanh trunk, a logits head and a value head; float64."""

    def __init__(self, obs_dim, n_actions, hidden=12, *, seed, scale=1.0):
        super().__init__()
        self.trunk = nn.Linear(obs_dim, hidden)
        self.pi = nn.Linear(hidden, n_actions)
        self.v = nn.Linear(hidden, 1)
        self.double()
        g = torch.Generator().manual_seed(seed)
        with torch.no_grad():
            for p in self.parameters():
                p.copy_(torch.randn(p.shape, generator=g, dtype=p.dtype) * 0.5 * scale)

    def forward(self, obs):
        h = torch.tanh(self.trunk(obs))
        return self.pi(h), self.v(h).squeeze(-1)


def rollout(N, obs_dim=4, n_actions=3, *, seed, drift=0.12, adv_shift=None, value_offset=0.0):
    """A stored rollout collected by an older policy: the model's weights plus noise."""
    g = torch.Generator().manual_seed(1000 + seed)
    old = Policy(obs_dim, n_actions, seed=seed)
    with torch.no_grad():
        for p in old.parameters():
            p.add_(torch.randn(p.shape, generator=g, dtype=p.dtype) * drift)
        obs = torch.randn(N, obs_dim, generator=g, dtype=torch.float64)
        logits, values = old(obs)
        probs = torch.softmax(logits, dim=-1)
        actions = torch.multinomial(probs, 1, generator=g).squeeze(-1)
        logprobs = torch.log_softmax(logits, dim=-1).gather(-1, actions[:, None]).squeeze(-1)
        adv = torch.randn(N, generator=g, dtype=torch.float64) * 2.0 + 0.5
        if adv_shift is not None:
            adv = adv + adv_shift
        values = values + value_offset
        returns = values + adv
    batch = {"obs": obs, "actions": actions, "logprobs": logprobs, "values": values,
             "advantages": adv, "returns": returns}
    perm = torch.randperm(N, generator=g)
    return batch, perm


def observe(stats, model):
    obs = {k: stats[k] for k in ("loss", "policy_loss", "value_loss", "entropy", "clip_frac",
                                 "approx_kl")}
    for name, p in model.named_parameters():
        obs[f"param {name}"] = p.detach()
    return obs


def adam(model, lr=1e-2):
    return torch.optim.Adam(model.parameters(), lr=lr)


# float64 models; results of up to eight Adam steps, where only summation order may differ.
TOL = {"atol": 1e-9, "rtol": 1e-7}


@case("N=32 in 4 minibatches of 8, Adam", **TOL)
def typical(sub):
    batch, perm = rollout(32, seed=0)
    model = Policy(4, 3, seed=0)
    stats = sub.ppo_epoch(model, adam(model), batch, perm, 8)
    return observe(stats, model)


@case("one minibatch holding the whole batch, plain SGD", **TOL)
def single_minibatch(sub):
    batch, perm = rollout(16, n_actions=4, seed=1)
    model = Policy(4, 4, seed=1)
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    stats = sub.ppo_epoch(model, opt, batch, perm, 16)
    return observe(stats, model)


@case("N=10 with minibatch 4: the last minibatch has 2 samples", **TOL)
def ragged(sub):
    batch, perm = rollout(10, seed=2)
    model = Policy(4, 3, seed=2)
    stats = sub.ppo_epoch(model, adam(model), batch, perm, 4)
    return observe(stats, model)


@case("old policy far away: ratios outside the clip range on both sides", **TOL)
def far_policy(sub):
    batch, perm = rollout(24, n_actions=5, seed=3, drift=0.8)
    model = Policy(4, 5, seed=3)
    stats = sub.ppo_epoch(model, adam(model), batch, perm, 6, clip_eps=0.1)
    return observe(stats, model)


@case("value clipping off, entropy coefficient 0.1", **TOL)
def no_value_clip(sub):
    batch, perm = rollout(20, seed=4, value_offset=1.0)
    model = Policy(4, 3, seed=4)
    stats = sub.ppo_epoch(model, adam(model), batch, perm, 5, vf_clip=None, ent_coef=0.1)
    return observe(stats, model)


@case("stored values 2 away from the current ones: value clipping active", **TOL)
def value_clip_active(sub):
    batch, perm = rollout(20, seed=5, value_offset=2.0)
    model = Policy(4, 3, seed=5)
    stats = sub.ppo_epoch(model, adam(model), batch, perm, 5, vf_clip=0.5, vf_coef=1.0)
    return observe(stats, model)


@case("advantage normalisation off", **TOL)
def raw_advantages(sub):
    batch, perm = rollout(18, seed=6)
    model = Policy(4, 3, seed=6)
    stats = sub.ppo_epoch(model, adam(model), batch, perm, 6, norm_adv=False)
    return observe(stats, model)


@case("advantages on very different scales in different minibatches", **TOL)
def skewed_advantages(sub):
    shift = torch.cat([torch.full((8,), 10.0), torch.full((8,), -3.0), torch.zeros(8)])
    batch, perm = rollout(24, seed=7, adv_shift=shift.double())
    model = Policy(4, 3, seed=7)
    stats = sub.ppo_epoch(model, adam(model), batch, torch.arange(24), 8)
    return observe(stats, model)


@case("two epochs in a row share the model and the optimiser state", **TOL)
def two_epochs(sub):
    batch, perm = rollout(16, seed=8, drift=0.3)
    model = Policy(4, 3, seed=8)
    opt = adam(model, lr=3e-2)
    first = sub.ppo_epoch(model, opt, batch, perm, 4)
    second = sub.ppo_epoch(model, opt, batch, perm.flip(0), 4)
    obs = {f"epoch 1 {k}": v for k, v in first.items()}
    obs.update(observe(second, model))
    return obs
