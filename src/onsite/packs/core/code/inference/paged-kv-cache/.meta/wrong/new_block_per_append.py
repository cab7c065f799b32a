"""Starts a fresh block on every append instead of filling the free slots of the last one."""
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
        self._fill: dict[int, list[int]] = {}

    def allocate(self, seq_id: int) -> None:
        if seq_id in self._tables:
            raise ValueError(f"sequence {seq_id} already exists")
        self._tables[seq_id] = []
        self._lengths[seq_id] = 0
        self._fill[seq_id] = []

    def append(self, seq_id: int, k: Tensor, v: Tensor) -> None:
        table = self._tables[seq_id]
        length, n = self._lengths[seq_id], k.shape[0]
        needed = -(-n // self.block_size)
        if needed > len(self._free):
            raise RuntimeError(f"out of blocks: need {needed}, {len(self._free)} free")
        for _ in range(needed):
            table.append(heapq.heappop(self._free))
        first = len(table) - needed
        for i in range(n):
            block, slot = table[first + i // self.block_size], i % self.block_size
            self.k_cache[block, slot] = k[i]
            self.v_cache[block, slot] = v[i]
        self._lengths[seq_id] = length + n
        for j in range(needed):
            self._fill[seq_id].append(min(self.block_size, n - j * self.block_size))

    def gather(self, seq_id: int) -> tuple[Tensor, Tensor]:
        table = self._tables[seq_id]
        ks, vs = [], []
        for b, m in zip(table, self._fill[seq_id], strict=True):
            ks.append(self.k_cache[b, :m])
            vs.append(self.v_cache[b, :m])
        if not ks:
            empty = self.k_cache.new_zeros((0, *self.k_cache.shape[2:]))
            return empty, empty.clone()
        return torch.cat(ks), torch.cat(vs)

    def free(self, seq_id: int) -> None:
        for block in self._tables.pop(seq_id):
            heapq.heappush(self._free, block)
        del self._lengths[seq_id]

    def block_table(self, seq_id: int) -> list[int]:
        return list(self._tables[seq_id])

    def num_free_blocks(self) -> int:
        return len(self._free)
