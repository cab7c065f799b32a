import torch
import torch.nn.functional as F
from torch import Tensor


def orpo_loss(
    policy_chosen: Tensor,
    policy_rejected: Tensor,
    chosen_mask: Tensor,
    rejected_mask: Tensor,
    lam: float = 0.1,
) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """Return (loss, sft_loss, or_loss, log_odds_ratio).

    Length-averaged log-probs l; log odds = l - log(1 - exp(l)) (stable near l = 0);
    sft = token-mean NLL of the chosen tokens; or = mean of -log sigmoid(LOR); loss = sft + lam * or.
    """
    raise NotImplementedError("average log-probs per response, stable log odds, SFT + lam * OR")
