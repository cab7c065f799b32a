from onsite.judge.cases import case

GIB = 2**30


@case("number of K/V heads for MHA, GQA and MQA")
def heads(sub):
    return {"kv heads": [sub.num_kv_heads(32, "mha"), sub.num_kv_heads(32, "gqa", 8),
                         sub.num_kv_heads(64, "gqa", 8), sub.num_kv_heads(32, "mqa"),
                         sub.num_kv_heads(12, "gqa", 12), sub.num_kv_heads(12, "gqa", 1)]}


@case("Llama-2-7B-like cache at 4096 tokens: MHA, GQA-8, MQA")
def seven_b(sub):
    return {"bytes": [sub.kv_cache_bytes(32, sub.num_kv_heads(32, a, g), 128, 4096, 1, 2)
                      for a, g in (("mha", None), ("gqa", 8), ("mqa", None))]}


@case("Llama-2-70B-like (80 layers, GQA-8, head 128): batch and length scale linearly")
def seventy_b(sub):
    return {"bytes": [sub.kv_cache_bytes(80, 8, 128, t, b, 2) for t, b in ((1, 1), (4096, 1), (4096, 16),
                                                                           (32768, 4))]}


@case("dtype: fp32, bf16, fp8")
def dtypes(sub):
    return {"bytes": [sub.kv_cache_bytes(24, 16, 64, 2048, 8, d) for d in (4, 2, 1)]}


@case("largest batch on an 80 GiB GPU: 7B MHA, 7B GQA-8, 70B GQA-8 on 4 GPUs' worth")
def batch(sub):
    return {"max batch": [sub.max_batch(80 * GIB, 14 * 10**9, 32, 32, 128, 4096, 2),
                          sub.max_batch(80 * GIB, 14 * 10**9, 32, 8, 128, 4096, 2),
                          sub.max_batch(320 * GIB, 140 * 10**9, 80, 8, 128, 4096, 2),
                          sub.max_batch(80 * GIB, 14 * 10**9, 32, 32, 128, 32768, 2)]}


@case("max batch edge cases: weights too big, exactly one sequence, one byte short")
def batch_edges(sub):
    per_seq = 2 * 2 * 4 * 8 * 10 * 2   # layers 2, kv heads 4, head 8, 10 tokens, 2 bytes
    return {"max batch": [sub.max_batch(10**9, 2 * 10**9, 2, 4, 8, 10, 2),
                          sub.max_batch(1000 + per_seq, 1000, 2, 4, 8, 10, 2),
                          sub.max_batch(1000 + 3 * per_seq - 1, 1000, 2, 4, 8, 10, 2),
                          sub.max_batch(1000, 1000, 2, 4, 8, 10, 2)]}
