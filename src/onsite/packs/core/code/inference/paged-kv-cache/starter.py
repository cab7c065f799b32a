import torch
from torch import Tensor


class PagedKVCache:
    """A KV cache made of fixed-size blocks from a shared pool, with a block table per sequence."""

    def __init__(self, num_blocks: int, block_size: int, num_heads: int, head_dim: int,
                 dtype: torch.dtype = torch.float32):
        raise NotImplementedError("allocate k_cache / v_cache (num_blocks, block_size, H, D), a free pool")

    def allocate(self, seq_id: int) -> None:
        """Register a new, empty sequence; ValueError if it exists."""
        raise NotImplementedError

    def append(self, seq_id: int, k: Tensor, v: Tensor) -> None:
        """Append n tokens (k, v of shape (n, H, D)); RuntimeError, with nothing changed, if out of blocks."""
        raise NotImplementedError

    def gather(self, seq_id: int) -> tuple[Tensor, Tensor]:
        """Return the sequence's keys and values, each (L, H, D), in token order."""
        raise NotImplementedError

    def free(self, seq_id: int) -> None:
        """Forget the sequence and return its blocks to the pool."""
        raise NotImplementedError

    def block_table(self, seq_id: int) -> list[int]:
        """The block ids of the sequence, in order."""
        raise NotImplementedError

    def num_free_blocks(self) -> int:
        raise NotImplementedError
