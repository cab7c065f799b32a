import torch

from onsite.judge.cases import case


def stream(B, H, T, d, *, seed, dtype=torch.float32, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    return tuple(torch.randn(B, H, T, d, generator=g, dtype=dtype) * s
                 for s in (scale, scale, 1.0))


def token_ids(B, H, T, d=2):
    """Keys whose first coordinate is the token's index: eviction is readable in the cache."""
    ids = torch.arange(T, dtype=torch.float64).view(1, 1, T, 1).expand(B, H, T, d)
    return ids.clone()


@case("cache update: a prefill of 10 tokens keeps sinks 0,1 and the last 3", atol=0, rtol=0)
def prefill_evicts(sub):
    ids = token_ids(1, 2, 10)
    empty = ids[:, :, :0]
    k, v = sub.update_cache(empty, empty, ids, -ids, 2, 3)
    return {"kept token ids (keys)": k[0, 0, :, 0].tolist(),
            "kept token ids (values)": (-v[0, 1, :, 0]).tolist()}


@case("cache update: one token at a time, n_sink=2, window=3", atol=0, rtol=0)
def one_at_a_time(sub):
    ids = token_ids(2, 1, 9)
    k = v = ids[:, :, :0]
    history = []
    for t in range(9):
        k, v = sub.update_cache(k, v, ids[:, :, t:t + 1], ids[:, :, t:t + 1], 2, 3)
        history.append(k[1, 0, :, 0].tolist())
    return {"cache after each token": history}


@case("cache update: fewer tokens than n_sink, then a chunk, n_sink=4, window=2", atol=0,
      rtol=0)
def short_then_chunk(sub):
    ids = token_ids(1, 1, 9)
    k, v = sub.update_cache(ids[:, :, :0], ids[:, :, :0], ids[:, :, :3], ids[:, :, :3], 4, 2)
    first = k[0, 0, :, 0].tolist()
    k, v = sub.update_cache(k, v, ids[:, :, 3:9], ids[:, :, 3:9], 4, 2)
    return {"after 3 tokens": first, "after 9 tokens": k[0, 0, :, 0].tolist()}


@case("cache update: n_sink=0 is a plain sliding window", atol=0, rtol=0)
def no_sinks(sub):
    ids = token_ids(1, 1, 7)
    k, _ = sub.update_cache(ids[:, :, :0], ids[:, :, :0], ids, ids, 0, 3)
    return {"kept": k[0, 0, :, 0].tolist()}


@case("attention over a given cache of 6 entries, d=8", atol=1e-5, rtol=1e-5)
def attend(sub):
    q, k, v = stream(2, 3, 6, 8, seed=0)
    out, weights = sub.streaming_attention(q[:, :, -1], k, v)
    return {"out": out, "weights": weights}


@case("decode 12 tokens, n_sink=2, window=4, d=8", atol=1e-5, rtol=1e-5)
def decode_basic(sub):
    out, k_cache, v_cache = sub.stream_decode(*stream(2, 2, 12, 8, seed=1), 2, 4)
    return {"outputs": out, "k_cache": k_cache, "v_cache": v_cache}


@case("decode 16 tokens, n_sink=4, window=3, base 500 (float64)", atol=1e-12, rtol=1e-10,
      strict_dtype=True)
def decode_float64(sub):
    out, k_cache, v_cache = sub.stream_decode(*stream(1, 2, 16, 8, seed=2, dtype=torch.float64),
                                              4, 3, base=500.0)
    return {"outputs": out, "k_cache": k_cache}


@case("decode with large scores (q and k scaled by 20) stays finite", atol=1e-4, rtol=1e-4)
def decode_large(sub):
    out, _, _ = sub.stream_decode(*stream(1, 2, 10, 8, seed=3, scale=20.0), 1, 3)
    return {"outputs": out}


@case("decode with window 1 and one sink: each step sees token 0 and itself", atol=1e-5,
      rtol=1e-5)
def decode_window_one(sub):
    out, k_cache, _ = sub.stream_decode(*stream(2, 1, 6, 4, seed=4), 1, 1)
    return {"outputs": out, "k_cache": k_cache}
