import torch

from onsite.judge.cases import case

WIDE = torch.arange(-300, 301)  # crosses the exact, log and clipped ranges on both sides


def table(num_buckets, H, *, seed, dtype=torch.float32):
    return torch.randn(num_buckets, H, generator=torch.Generator().manual_seed(seed), dtype=dtype)


@case("buckets, bidirectional, 32 buckets, max_distance 128, r in [-300, 300]", atol=0, rtol=0)
def bidirectional_default(sub):
    return {"buckets": sub.relative_position_bucket(WIDE, True, 32, 128)}


@case("buckets, causal, 32 buckets, max_distance 128, r in [-300, 300]", atol=0, rtol=0)
def causal_default(sub):
    return {"buckets": sub.relative_position_bucket(WIDE, False, 32, 128)}


@case("buckets, small configs: (8, 20) and (10, 30), both directions", atol=0, rtol=0)
def small_configs(sub):
    r = torch.arange(-40, 41)
    return {f"{'bi' if bi else 'causal'}_{nb}_{md}": sub.relative_position_bucket(r, bi, nb, md)
            for nb, md in ((8, 20), (10, 30)) for bi in (True, False)}


@case("buckets keep the input shape (2-D relative positions)", atol=0, rtol=0)
def shape(sub):
    r = torch.arange(12)[None, :] - torch.arange(9)[:, None] * 20  # (9, 12), up to -160
    return {"buckets": sub.relative_position_bucket(r, True, 16, 64)}


@case("bias, bidirectional encoder, L=5 queries, S=7 keys, 4 heads", atol=0, rtol=0)
def bias_encoder(sub):
    return {"bias": sub.t5_relative_bias(table(32, 4, seed=0), 5, 7, True)}


@case("bias, causal decoder, L=S=40 with max_distance 24", atol=0, rtol=0)
def bias_decoder(sub):
    return {"bias": sub.t5_relative_bias(table(16, 3, seed=1), 40, 40, False, max_distance=24)}


@case("bias for one decoding step: the query at position 199 over 200 keys", atol=0, rtol=0)
def bias_offset(sub):
    return {"bias": sub.t5_relative_bias(table(32, 2, seed=2), 1, 200, False, query_offset=199)}


@case("gradient of the bias w.r.t. the table (float64)", atol=1e-10, rtol=1e-8)
def gradient(sub):
    t = table(32, 4, seed=3, dtype=torch.float64).requires_grad_(True)
    bias = sub.t5_relative_bias(t, 12, 30, True, max_distance=16)
    upstream = torch.randn(bias.shape, generator=torch.Generator().manual_seed(99), dtype=bias.dtype)
    (bias * upstream).sum().backward()
    return {"bias": bias, "grad_table": t.grad}
