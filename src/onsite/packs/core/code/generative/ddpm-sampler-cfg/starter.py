import math  # noqa: F401
from collections.abc import Callable

from torch import Tensor


def ddpm_sample_cfg(
    eps_model: Callable[[Tensor, int, Tensor | None], Tensor],
    x_T: Tensor,
    betas: Tensor,
    cond: Tensor,
    guidance_scale: float,
    noises: Tensor,
    capture_t: int,
    variance: str = "posterior",
) -> tuple[Tensor, Tensor]:
    """Ancestral DDPM sampling with classifier-free guidance from x_T through t = T-1 .. 0.
    Return (x0, x_capture): the final sample and the sample fed to the model at capture_t."""
    raise NotImplementedError("guided eps -> posterior mean -> add sigma_t * noises[t] if t > 0")
