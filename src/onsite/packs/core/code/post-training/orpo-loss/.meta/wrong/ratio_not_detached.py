"""Returns the log odds ratio still attached to the graph."""
import torch
import torch.nn.functional as F
from torch import Tensor


def _average_logp(token_logps: Tensor, mask: Tensor) -> Tensor:
    keep = mask.bool()
    total = torch.where(keep, token_logps, torch.zeros_like(token_logps)).sum(dim=-1)
    return total / keep.sum(dim=-1).to(total.dtype)  # this response's own length


def _log1mexp(x: Tensor) -> Tensor:
    # log(1 - e^x) for x < 0. 1 - e^x = -expm1(x): expm1 keeps full precision for tiny
    # |x|, where exp(x) rounds to 1 and log1p(-exp(x)) would be log(0) = -inf.
    return torch.log(-torch.expm1(x))


def orpo_loss(
    policy_chosen: Tensor,
    policy_rejected: Tensor,
    chosen_mask: Tensor,
    rejected_mask: Tensor,
    lam: float = 0.1,
) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    keep_c = chosen_mask.bool()
    # SFT: plain NLL on the chosen answers, one mean over all their tokens.
    nll = torch.where(keep_c, -policy_chosen, torch.zeros_like(policy_chosen))
    sft_loss = nll.sum() / keep_c.sum()
    # Odds of each response from its per-token geometric-mean probability P = e^l.
    lc = _average_logp(policy_chosen, chosen_mask)
    lr = _average_logp(policy_rejected, rejected_mask)
    log_odds_ratio = (lc - _log1mexp(lc)) - (lr - _log1mexp(lr))
    or_loss = -F.logsigmoid(log_odds_ratio).mean()
    return sft_loss + lam * or_loss, sft_loss, or_loss, log_odds_ratio
