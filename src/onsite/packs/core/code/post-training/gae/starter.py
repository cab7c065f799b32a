import torch
from torch import Tensor


def gae(
    rewards: Tensor,
    values: Tensor,
    dones: Tensor,
    last_values: Tensor,
    gamma: float = 0.99,
    lam: float = 0.95,
) -> tuple[Tensor, Tensor]:
    """Return (advantages, returns), both (N, T) and without gradient.

    delta_t = r_t + gamma * (1 - done_t) * V_{t+1} - V_t  (V_T = last_values)
    A_t = delta_t + gamma * lam * (1 - done_t) * A_{t+1};  returns = A + V.
    """
    raise NotImplementedError("walk backwards over t, cutting at dones")
