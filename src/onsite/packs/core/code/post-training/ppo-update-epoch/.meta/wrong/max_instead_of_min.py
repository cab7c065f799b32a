"""Takes the max of the clipped and unclipped surrogate (the optimistic bound): for a negative
advantage the clip stops binding when the ratio drops, and for a positive one the unclipped
ratio is followed upwards.
"""
import torch
from torch import Tensor, nn


def ppo_epoch(
    model: nn.Module,
    opt: torch.optim.Optimizer,
    batch: dict[str, Tensor],
    perm: Tensor,
    minibatch_size: int,
    *,
    clip_eps: float = 0.2,
    vf_clip: float | None = 0.2,
    vf_coef: float = 0.5,
    ent_coef: float = 0.01,
    norm_adv: bool = True,
) -> dict[str, list[float]]:
    stats = {k: [] for k in ("loss", "policy_loss", "value_loss", "entropy", "clip_frac",
                             "approx_kl")}
    for start in range(0, perm.numel(), minibatch_size):
        idx = perm[start:start + minibatch_size]
        obs, actions = batch["obs"][idx], batch["actions"][idx]
        old_logp, old_v = batch["logprobs"][idx], batch["values"][idx]
        adv, ret = batch["advantages"][idx], batch["returns"][idx]

        logits, v = model(obs)                                   # (n, A), (n,)
        logp_all = torch.log_softmax(logits, dim=-1)
        logp = logp_all.gather(-1, actions.unsqueeze(-1)).squeeze(-1)
        entropy = -(logp_all.exp() * logp_all).sum(-1).mean()

        # Ratio of the policy being trained to the one that collected the data.
        log_ratio = logp - old_logp
        ratio = log_ratio.exp()
        if norm_adv:  # statistics of this minibatch only
            adv = (adv - adv.mean()) / (adv.std() + 1e-8)

        # Pessimistic bound: the smaller objective, i.e. the larger loss.
        surr = ratio * adv
        surr_clipped = ratio.clamp(1 - clip_eps, 1 + clip_eps) * adv
        policy_loss = -torch.max(surr, surr_clipped).mean()

        if vf_clip is None:
            value_loss = 0.5 * ((v - ret) ** 2).mean()
        else:
            v_clipped = old_v + (v - old_v).clamp(-vf_clip, vf_clip)
            value_loss = 0.5 * torch.max((v - ret) ** 2, (v_clipped - ret) ** 2).mean()

        loss = policy_loss - ent_coef * entropy + vf_coef * value_loss
        opt.zero_grad()
        loss.backward()
        opt.step()

        with torch.no_grad():
            clip_frac = ((ratio - 1).abs() > clip_eps).double().mean()
            approx_kl = ((ratio - 1) - log_ratio).mean()
        for key, value in (("loss", loss), ("policy_loss", policy_loss),
                           ("value_loss", value_loss), ("entropy", entropy),
                           ("clip_frac", clip_frac), ("approx_kl", approx_kl)):
            stats[key].append(float(value.detach()))
    return stats
