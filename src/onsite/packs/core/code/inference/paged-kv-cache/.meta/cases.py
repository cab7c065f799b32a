import torch

from onsite.judge.cases import case

H, D = 2, 3


def tokens(n, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(n, H, D, generator=g, dtype=dtype),
            torch.randn(n, H, D, generator=g, dtype=dtype))


def state(cache, seqs, suffix=""):
    out = {f"free{suffix}": cache.num_free_blocks()}
    for s in seqs:
        k, v = cache.gather(s)
        out[f"table_{s}{suffix}"] = [int(b) for b in cache.block_table(s)]
        out[f"k_{s}{suffix}"] = k
        out[f"v_{s}{suffix}"] = v
    return out


def error_name(fn):
    try:
        fn()
    except Exception as exc:  # noqa: BLE001 - the type is the observable
        return type(exc).__name__
    return "no error"


@case("one sequence: appends of 5, 1 and 3 tokens fill blocks of 4 in order", atol=0, rtol=0)
def single(sub):
    cache = sub.PagedKVCache(8, 4, H, D)
    cache.allocate(7)
    out = {}
    for i, n in enumerate((5, 1, 3)):
        cache.append(7, *tokens(n, seed=i))
        out.update(state(cache, [7], suffix=f"_after{i}"))
    return out


@case("two interleaved sequences take the lowest free block each time", atol=0, rtol=0)
def interleaved(sub):
    cache = sub.PagedKVCache(10, 2, H, D)
    cache.allocate(0)
    cache.allocate(1)
    for i in range(4):
        cache.append(0, *tokens(2, seed=10 + i))
        cache.append(1, *tokens(1 + i % 2, seed=20 + i))
    return state(cache, [0, 1])


@case("free returns blocks; new sequences reuse the lowest ids, data stays separate",
      atol=0, rtol=0)
def free_and_reuse(sub):
    cache = sub.PagedKVCache(6, 3, H, D)
    for s in (1, 2, 3):
        cache.allocate(s)
    cache.append(1, *tokens(7, seed=30))   # blocks 0, 1, 2
    cache.append(2, *tokens(4, seed=31))   # blocks 3, 4
    cache.append(3, *tokens(1, seed=32))   # block 5
    cache.free(1)
    out = {"free_after_free": cache.num_free_blocks()}
    cache.allocate(4)
    cache.append(4, *tokens(2, seed=33))
    cache.append(2, *tokens(3, seed=34))   # fills block 4's last slot, needs one more
    cache.append(4, *tokens(3, seed=35))
    return {**out, **state(cache, [2, 3, 4])}


@case("out of blocks: RuntimeError, and nothing changes", atol=0, rtol=0)
def out_of_blocks(sub):
    cache = sub.PagedKVCache(4, 4, H, D)
    cache.allocate(0)
    cache.allocate(1)
    cache.append(0, *tokens(6, seed=40))
    cache.append(1, *tokens(3, seed=41))
    before = state(cache, [0, 1], suffix="_before")
    err = error_name(lambda: cache.append(1, *tokens(6, seed=42)))  # needs 2 blocks, 1 free
    return {**before, "error": err, **state(cache, [0, 1], suffix="_after")}


@case("the pool exactly full: the last slot fits, one more token does not", atol=0, rtol=0)
def exactly_full(sub):
    cache = sub.PagedKVCache(3, 2, H, D)
    cache.allocate(5)
    cache.append(5, *tokens(5, seed=50))
    cache.append(5, *tokens(1, seed=51))
    err = error_name(lambda: cache.append(5, *tokens(1, seed=52)))
    return {**state(cache, [5]), "error": err}


@case("raw layout: token i of a sequence lives at k_cache[table[i // B], i % B]", atol=0, rtol=0)
def layout(sub):
    cache = sub.PagedKVCache(5, 3, H, D)
    cache.allocate(0)
    cache.allocate(1)
    cache.append(0, *tokens(2, seed=60))
    cache.append(1, *tokens(4, seed=61))
    cache.append(0, *tokens(5, seed=62))
    return {"k_cache": cache.k_cache.clone(), "v_cache": cache.v_cache.clone(),
            "table_0": [int(b) for b in cache.block_table(0)],
            "table_1": [int(b) for b in cache.block_table(1)]}


@case("errors: unknown sequences and a duplicate allocate", atol=0, rtol=0)
def errors(sub):
    cache = sub.PagedKVCache(2, 2, H, D)
    cache.allocate(1)
    return {"gather_unknown": error_name(lambda: cache.gather(9)),
            "append_unknown": error_name(lambda: cache.append(9, *tokens(1, seed=70))),
            "free_unknown": error_name(lambda: cache.free(9)),
            "allocate_twice": error_name(lambda: cache.allocate(1))}


@case("an empty sequence gathers (0, H, D); float64 cache keeps its dtype", atol=0, rtol=0,
      strict_dtype=True)
def empty_and_dtype(sub):
    cache = sub.PagedKVCache(4, 2, H, D, dtype=torch.float64)
    cache.allocate(3)
    k0, v0 = cache.gather(3)
    cache.append(3, *tokens(3, seed=80, dtype=torch.float64))
    return {"k_empty_shape": list(k0.shape), "v_empty_shape": list(v0.shape), **state(cache, [3])}


@case("free everything: all blocks are back, and a long sequence can use them all",
      atol=0, rtol=0)
def free_all(sub):
    cache = sub.PagedKVCache(6, 2, H, D)
    for s in range(3):
        cache.allocate(s)
        cache.append(s, *tokens(3, seed=90 + s))
    for s in (1, 0, 2):
        cache.free(s)
    out = {"free_after": cache.num_free_blocks()}
    cache.allocate(10)
    cache.append(10, *tokens(12, seed=95))
    return {**out, **state(cache, [10])}
