"""Cross-checks for inference/paged-kv-cache: random operation sequences against a naive oracle
that stores each sequence contiguously and tracks the pool with a plain list of flags."""

from __future__ import annotations

import random

import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "inference/paged-kv-cache"
ref = reference(ITEM)
H, D = 2, 3


class NaiveCache:
    """Contiguous per-sequence storage; the block accounting only mirrors what paging would do."""

    def __init__(self, num_blocks, block_size):
        self.used = [False] * num_blocks
        self.block_size = block_size
        self.k, self.v, self.tables = {}, {}, {}

    def append(self, s, k, v):
        have = len(self.tables[s])
        length = sum(x.shape[0] for x in self.k[s])
        need = -(-(length + k.shape[0]) // self.block_size) - have
        free = [i for i, u in enumerate(self.used) if not u]
        if need > len(free):
            raise RuntimeError("out of blocks")
        for b in free[:need]:
            self.used[b] = True
            self.tables[s].append(b)
        self.k[s].append(k)
        self.v[s].append(v)

    def gather(self, s):
        empty = torch.zeros(0, H, D)
        return torch.cat([empty, *self.k[s]]), torch.cat([empty, *self.v[s]])

    def free(self, s):
        for b in self.tables.pop(s):
            self.used[b] = False
        del self.k[s], self.v[s]


def run_script(module, seed, steps=60, num_blocks=12, block_size=3):
    rng = random.Random(seed)
    g = torch.Generator().manual_seed(seed)
    cache, naive = module.PagedKVCache(num_blocks, block_size, H, D), NaiveCache(num_blocks, block_size)
    live, next_id, mismatches = [], 0, 0
    for _ in range(steps):
        op = rng.random()
        if op < 0.2 or not live:
            cache.allocate(next_id)
            naive.tables[next_id], naive.k[next_id], naive.v[next_id] = [], [], []
            live.append(next_id)
            next_id += 1
        elif op < 0.8:
            s = rng.choice(live)
            n = rng.randint(1, 5)
            k, v = torch.randn(n, H, D, generator=g), torch.randn(n, H, D, generator=g)
            errors = []
            for target in (cache, naive):
                try:
                    target.append(s, k, v)
                    errors.append(None)
                except RuntimeError:
                    errors.append("RuntimeError")
            mismatches += errors[0] != errors[1]
        else:
            s = live.pop(rng.randrange(len(live)))
            cache.free(s)
            naive.free(s)
        mismatches += cache.num_free_blocks() != naive.used.count(False)
        for s in live:
            k1, v1 = cache.gather(s)
            k2, v2 = naive.gather(s)
            mismatches += cache.block_table(s) != naive.tables[s]
            mismatches += k1.shape != k2.shape or not torch.equal(k1, k2) or not torch.equal(v1, v2)
    return mismatches


@pytest.mark.parametrize("seed", range(15))
def test_random_scripts_match_naive_cache(seed):
    assert run_script(ref, seed) == 0


def test_prompt_example_and_layout():
    cache = ref.PagedKVCache(4, 2, 1, 1)
    tok = [torch.full((n, 1, 1), float(i)) for i, n in enumerate((3, 1, 1, 3, 1, 1))]
    cache.allocate("a")
    cache.allocate("b")
    cache.append("a", tok[0], tok[0])
    cache.append("b", tok[1], tok[1])
    cache.append("a", tok[2], tok[2])
    assert cache.block_table("a") == [0, 1] and cache.num_free_blocks() == 1
    cache.append("b", tok[3], tok[3])
    assert cache.block_table("b") == [2, 3]
    with pytest.raises(RuntimeError):
        cache.append("a", tok[4], tok[4])
    assert cache.gather("a")[0].flatten().tolist() == [0, 0, 0, 2]
    cache.free("a")
    cache.allocate("c")
    cache.append("c", tok[5], tok[5])
    assert cache.block_table("c") == [0]
    # token i of "b" sits at k_cache[table[i // 2], i % 2]
    for i, want in enumerate([1, 3, 3, 3]):
        b = cache.block_table("b")[i // 2]
        assert cache.k_cache[b, i % 2].item() == want


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees_with_naive_cache(name):
    bad = wrong(ITEM, name)
    total = 0
    for seed in range(8):
        try:
            total += run_script(bad, seed)
        except (IndexError, RuntimeError, KeyError):
            total += 1
        if total:
            break
    assert total > 0
