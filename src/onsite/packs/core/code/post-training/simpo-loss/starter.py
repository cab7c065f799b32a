import torch
import torch.nn.functional as F
from torch import Tensor


def simpo_loss(
    policy_chosen: Tensor,
    policy_rejected: Tensor,
    chosen_mask: Tensor,
    rejected_mask: Tensor,
    beta: float = 2.0,
    gamma: float = 1.0,
) -> tuple[Tensor, Tensor, Tensor]:
    """Return (loss, chosen_rewards, rejected_rewards).

    reward = beta * (masked mean of the token log-probs over the row's own tokens);
    loss = mean of -log sigmoid(r_chosen - r_rejected - gamma); rewards detached.
    """
    raise NotImplementedError("average log-prob per response, scale by beta, subtract gamma, logsigmoid")
