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
        self._scale = float(init_scale)
        self.growth_factor = growth_factor
        self.backoff_factor = backoff_factor
        self.growth_interval = growth_interval
        self._clean_steps = 0  # consecutive iterations without inf/nan
        # Per-iteration flags, reset by update().
        self._unscaled = False
        self._found_inf = False

    def get_scale(self) -> float:
        return self._scale

    def scale(self, loss: Tensor) -> Tensor:
        # Every gradient of the scaled loss is S times the true one, which lifts
        # small fp16 gradients out of the underflow range.
        return loss * self._scale

    def unscale_(self, grads: list[Tensor]) -> bool:
        inv = 1.0 / self._scale
        found = False
        for g in grads:
            g.mul_(inv)
            # isfinite catches nan as well as +-inf: both would poison the step.
            found = found or not bool(torch.isfinite(g).all())
        self._unscaled = True
        self._found_inf = found
        return found

    def step(self, grads: list[Tensor], optimizer_step: Callable[[], None]) -> bool:
        # The caller may already have unscaled (to clip); dividing again would
        # shrink the gradients by a second factor of S.
        if not self._unscaled:
            self.unscale_(grads)
        if self._found_inf:
            return False  # an overflowed gradient is garbage: skip the update
        optimizer_step()
        return True

    def update(self) -> None:
        if self._found_inf:
            # Too large: halve (by default) and restart the clean-step count.
            self._scale *= self.backoff_factor
            self._clean_steps = 0
        else:
            self._clean_steps += 1
            if self._clean_steps == self.growth_interval:
                # A long run without overflow: try a larger scale again.
                self._scale *= self.growth_factor
                self._clean_steps = 0
        self._unscaled = False
        self._found_inf = False
