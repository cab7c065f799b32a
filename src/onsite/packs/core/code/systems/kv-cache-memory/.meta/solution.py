def num_kv_heads(n_heads: int, attention: str, n_groups: int | None = None) -> int:
    if attention == "mha":
        return n_heads            # one K/V head per query head
    if attention == "gqa":
        if n_groups is None or n_heads % n_groups:
            raise ValueError("gqa needs n_groups dividing n_heads")
        return n_groups           # each group of n_heads / n_groups query heads shares one K/V head
    if attention == "mqa":
        return 1                  # every query head reads the same K and V
    raise ValueError(f"unknown attention {attention!r}")


def kv_cache_bytes(
    n_layers: int, n_kv_heads: int, head_dim: int, seq_len: int, batch: int, dtype_bytes: int
) -> int:
    # The 2 is K and V; both are stored for every layer, K/V head, token and sequence.
    return 2 * n_layers * n_kv_heads * head_dim * seq_len * batch * dtype_bytes


def max_batch(
    memory_bytes: int, weight_bytes: int, n_layers: int, n_kv_heads: int, head_dim: int,
    seq_len: int, dtype_bytes: int,
) -> int:
    per_sequence = kv_cache_bytes(n_layers, n_kv_heads, head_dim, seq_len, 1, dtype_bytes)
    free = memory_bytes - weight_bytes
    # Floor: a partial sequence is no sequence. Negative free memory means nothing fits.
    return max(0, free // per_sequence)
