from collections.abc import Callable

import torch
from torch import Tensor


class DynamicLossScaler:
    def __init__(
        self,
        init_scale: float = 2.0**16,
        growth_factor: float = 2.0,
        backoff_factor: float = 0.5,
        growth_interval: int = 2000,
    ) -> None:
        raise NotImplementedError("keep the scale, a clean-step counter and per-iteration flags")

    def get_scale(self) -> float:
        """The current scale S."""
        raise NotImplementedError

    def scale(self, loss: Tensor) -> Tensor:
        """loss * S."""
        raise NotImplementedError

    def unscale_(self, grads: list[Tensor]) -> bool:
        """Multiply every grad in place by 1/S; return True if any entry is inf or nan."""
        raise NotImplementedError

    def step(self, grads: list[Tensor], optimizer_step: Callable[[], None]) -> bool:
        """Unscale unless already done this iteration; call optimizer_step() only if all finite."""
        raise NotImplementedError

    def update(self) -> None:
        """Back off on overflow, grow after growth_interval clean iterations; new iteration."""
        raise NotImplementedError
