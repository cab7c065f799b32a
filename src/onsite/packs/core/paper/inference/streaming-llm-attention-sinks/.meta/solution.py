import math

import torch
from torch import Tensor


def update_cache(
    k_cache: Tensor, v_cache: Tensor, k_new: Tensor, v_new: Tensor, n_sink: int, window: int
) -> tuple[Tensor, Tensor]:
    k = torch.cat([k_cache, k_new], dim=2)
    v = torch.cat([v_cache, v_new], dim=2)
    if k.shape[2] > n_sink + window:
        # The sinks stay for ever; of the rest only the most recent `window` tokens survive.
        k = torch.cat([k[:, :, :n_sink], k[:, :, -window:]], dim=2)
        v = torch.cat([v[:, :, :n_sink], v[:, :, -window:]], dim=2)
    return k, v


def _rope(x: Tensor, positions: Tensor, base: float) -> Tensor:
    """Rotate-half RoPE of x (..., N, d) at the given (N,) positions; angles in float64."""
    d = x.shape[-1]
    inv_freq = base ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)
    angle = positions.to(torch.float64)[:, None] * inv_freq[None, :]
    cos = torch.cat([angle.cos(), angle.cos()], dim=-1).to(x.dtype)
    sin = torch.cat([angle.sin(), angle.sin()], dim=-1).to(x.dtype)
    rotated_half = torch.cat([-x[..., d // 2:], x[..., : d // 2]], dim=-1)
    return x * cos + rotated_half * sin


def streaming_attention(
    q: Tensor, k_cache: Tensor, v_cache: Tensor, base: float = 10000.0
) -> tuple[Tensor, Tensor]:
    N, d = k_cache.shape[2], k_cache.shape[3]
    # Positions are indices *in the cache*, so distances never exceed the cache size.
    positions = torch.arange(N)
    k_rot = _rope(k_cache, positions, base)  # (B, H, N, d)
    q_rot = _rope(q.unsqueeze(2), positions[-1:], base)  # the newest token sits at N - 1
    scores = (q_rot @ k_rot.transpose(-2, -1)).squeeze(2) / math.sqrt(d)  # (B, H, N)
    weights = torch.softmax(scores, dim=-1)
    out = (weights.unsqueeze(2) @ v_cache).squeeze(2)
    return out, weights


def stream_decode(
    q: Tensor, k: Tensor, v: Tensor, n_sink: int, window: int, base: float = 10000.0
) -> tuple[Tensor, Tensor, Tensor]:
    B, H, T, d = k.shape
    k_cache = k.new_zeros(B, H, 0, d)
    v_cache = v.new_zeros(B, H, 0, v.shape[-1])
    outputs = []
    for t in range(T):
        # Un-rotated keys go into the cache; rotation happens at attention time.
        k_cache, v_cache = update_cache(k_cache, v_cache, k[:, :, t:t + 1], v[:, :, t:t + 1],
                                        n_sink, window)
        out, _ = streaming_attention(q[:, :, t], k_cache, v_cache, base)
        outputs.append(out)
    return torch.stack(outputs, dim=2), k_cache, v_cache
