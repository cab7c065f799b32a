"""Cross-checks for systems/kv-cache-memory: the byte count against the real size of the cached
K and V tensors of a small attention stack decoding with a cache (GQA/MQA heads shared through
repeat_interleave; summed tensor nbytes), and max_batch against the fits / does-not-fit boundary."""

from __future__ import annotations

import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "systems/kv-cache-memory"
ref = reference(ITEM)


def decode_with_cache(n_layers, n_heads, n_kv, head_dim, steps, batch, dtype):
    """Run `steps` decoding steps of a toy attention stack; return the cache tensors and outputs."""
    g = torch.Generator().manual_seed(0)
    d = n_heads * head_dim
    wq = [torch.randn(d, d, generator=g) / d**0.5 for _ in range(n_layers)]
    wkv = [torch.randn(d, 2 * n_kv * head_dim, generator=g) / d**0.5 for _ in range(n_layers)]
    cache = [[None, None] for _ in range(n_layers)]
    outs = []
    for _ in range(steps):
        x = torch.randn(batch, 1, d, generator=g)
        for layer in range(n_layers):
            q = (x @ wq[layer]).view(batch, 1, n_heads, head_dim).transpose(1, 2)
            k, v = (x @ wkv[layer]).split(n_kv * head_dim, -1)
            k = k.view(batch, 1, n_kv, head_dim).transpose(1, 2).to(dtype)
            v = v.view(batch, 1, n_kv, head_dim).transpose(1, 2).to(dtype)
            for i, new in enumerate((k, v)):
                cache[layer][i] = new if cache[layer][i] is None else torch.cat([cache[layer][i], new], 2)
            rep = n_heads // n_kv
            keys = cache[layer][0].float().repeat_interleave(rep, 1)
            vals = cache[layer][1].float().repeat_interleave(rep, 1)
            att = torch.softmax(q @ keys.transpose(-1, -2) / head_dim**0.5, -1) @ vals
            x = x + att.transpose(1, 2).reshape(batch, 1, d)
        outs.append(x)
    return cache, torch.cat(outs, 1)


@pytest.mark.parametrize("attention,groups", [("mha", None), ("gqa", 2), ("gqa", 4), ("mqa", None)])
@pytest.mark.parametrize("dtype,nbytes", [(torch.float32, 4), (torch.bfloat16, 2), (torch.float16, 2)])
def test_bytes_match_real_cache_tensors(attention, groups, dtype, nbytes):
    n_layers, n_heads, head_dim, steps, batch = 3, 8, 4, 5, 2
    n_kv = ref.num_kv_heads(n_heads, attention, groups)
    cache, _ = decode_with_cache(n_layers, n_heads, n_kv, head_dim, steps, batch, dtype)
    real = sum(t.nbytes for layer in cache for t in layer)
    assert ref.kv_cache_bytes(n_layers, n_kv, head_dim, steps, batch, nbytes) == real


def test_known_sizes():
    assert ref.kv_cache_bytes(32, 32, 128, 4096, 1, 2) == 2 * 2**30
    assert ref.kv_cache_bytes(80, ref.num_kv_heads(64, "gqa", 8), 128, 1, 1, 2) == 327_680


@pytest.mark.parametrize("memory,weights,layers,kv,hd,T", [
    (80 * 2**30, 14 * 10**9, 32, 32, 128, 4096), (80 * 2**30, 14 * 10**9, 32, 8, 128, 4096),
    (10**6, 10**5, 2, 4, 8, 10), (10**5, 10**6, 2, 4, 8, 10), (3000, 1000, 2, 4, 8, 10)])
def test_max_batch_is_the_largest_fitting(memory, weights, layers, kv, hd, T):
    b = ref.max_batch(memory, weights, layers, kv, hd, T, 2)

    def fits(n):
        return weights + ref.kv_cache_bytes(layers, kv, hd, T, n, 2) <= memory

    assert b >= 0 and (b == 0 or fits(b)) and not fits(b + 1)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_real_cache_catches_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    disagree = False
    for attention, groups in (("mha", None), ("gqa", 2), ("mqa", None)):
        n_kv = bad.num_kv_heads(8, attention, groups)
        cache, _ = decode_with_cache(2, 8, ref.num_kv_heads(8, attention, groups), 4, 3, 2, torch.float16)
        disagree |= bad.kv_cache_bytes(2, n_kv, 4, 3, 2, 2) != sum(t.nbytes for layer in cache for t in layer)
    per = ref.kv_cache_bytes(2, 4, 8, 10, 1, 2)
    disagree |= bad.max_batch(1000 + 3 * per - 1, 1000, 2, 4, 8, 10, 2) != 2
    assert disagree
