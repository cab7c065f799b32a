"""Takes blocks one by one and raises only when the pool runs dry, leaking the blocks it took."""
import heapq

import torch
from torch import Tensor


class PagedKVCache:
    def __init__(self, num_blocks: int, block_size: int, num_heads: int, head_dim: int,
                 dtype: torch.dtype = torch.float32):
        self.block_size = block_size
        shape = (num_blocks, block_size, num_heads, head_dim)
        self.k_cache = torch.zeros(shape, dtype=dtype)
        self.v_cache = torch.zeros(shape, dtype=dtype)
        self._free = list(range(num_blocks))
        heapq.heapify(self._free)
        self._tables: dict[int, list[int]] = {}
        self._lengths: dict[int, int] = {}

    def allocate(self, seq_id: int) -> None:
        if seq_id in self._tables:
            raise ValueError(f"sequence {seq_id} already exists")
        self._tables[seq_id] = []
        self._lengths[seq_id] = 0

    def append(self, seq_id: int, k: Tensor, v: Tensor) -> None:
        table = self._tables[seq_id]
        length, n = self._lengths[seq_id], k.shape[0]
        needed = -(-(length + n) // self.block_size) - len(table)
        for _ in range(needed):
            if not self._free:
                raise RuntimeError("out of blocks")
            table.append(heapq.heappop(self._free))
        for i in range(n):
            pos = length + i
            block, slot = table[pos // self.block_size], pos % self.block_size
            self.k_cache[block, slot] = k[i]
            self.v_cache[block, slot] = v[i]
        self._lengths[seq_id] = length + n

    def gather(self, seq_id: int) -> tuple[Tensor, Tensor]:
        table, length = self._tables[seq_id], self._lengths[seq_id]
        idx = torch.tensor(table, dtype=torch.long)
        k = self.k_cache[idx].reshape(-1, *self.k_cache.shape[2:])[:length]
        v = self.v_cache[idx].reshape(-1, *self.v_cache.shape[2:])[:length]
        return k, v

    def free(self, seq_id: int) -> None:
        for block in self._tables.pop(seq_id):
            heapq.heappush(self._free, block)
        del self._lengths[seq_id]

    def block_table(self, seq_id: int) -> list[int]:
        return list(self._tables[seq_id])

    def num_free_blocks(self) -> int:
        return len(self._free)
