import torch
from torch import Tensor


def update_cache(
    k_cache: Tensor, v_cache: Tensor, k_new: Tensor, v_new: Tensor, n_sink: int, window: int
) -> tuple[Tensor, Tensor]:
    """Append the new tokens; keep the first n_sink and the last window entries."""
    raise NotImplementedError("concatenate on the token axis, then drop the middle")


def streaming_attention(
    q: Tensor, k_cache: Tensor, v_cache: Tensor, base: float = 10000.0
) -> tuple[Tensor, Tensor]:
    """Attend from the newest token (position N-1) over the cache (positions 0..N-1)."""
    raise NotImplementedError("rotate keys by cache position, the query by N-1, softmax")


def stream_decode(
    q: Tensor, k: Tensor, v: Tensor, n_sink: int, window: int, base: float = 10000.0
) -> tuple[Tensor, Tensor, Tensor]:
    """Process T tokens one at a time; return (outputs (B, H, T, d), k_cache, v_cache)."""
    raise NotImplementedError("for each token: update the cache, then attend")
