"""Uses >= in the accuracy, so ties count as correct rankings."""
import torch
import torch.nn.functional as F
from torch import Tensor


def reward_model_loss(
    r_chosen: Tensor, r_rejected: Tensor, margin: Tensor | float | None = None
) -> tuple[Tensor, Tensor]:
    # Bradley-Terry: P(chosen beats rejected) = sigmoid(r_c - r_r). The margin asks for a
    # larger lead on pairs the raters preferred strongly, so it is subtracted from the logit.
    logit = r_chosen - r_rejected
    if margin is not None:
        logit = logit - margin
    # -log sigmoid(z) = softplus(-z); logsigmoid never forms sigmoid(z), which underflows.
    loss = -F.logsigmoid(logit).mean()
    # Ranking accuracy: the margin is a training signal, not part of "which is better";
    # a tie is not a correct ranking.
    with torch.no_grad():
        accuracy = (r_chosen >= r_rejected).to(r_chosen.dtype).mean()
    return loss, accuracy
