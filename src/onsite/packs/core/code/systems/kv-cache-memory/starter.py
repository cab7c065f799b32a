def num_kv_heads(n_heads: int, attention: str, n_groups: int | None = None) -> int:
    """Key/value heads for "mha", "gqa" (n_groups of them) or "mqa"."""
    raise NotImplementedError("one K/V head per query head, per group, or one in all")


def kv_cache_bytes(
    n_layers: int, n_kv_heads: int, head_dim: int, seq_len: int, batch: int, dtype_bytes: int
) -> int:
    """Bytes of the keys and values cached for batch sequences of seq_len tokens."""
    raise NotImplementedError("keys and values, per layer, head, token and sequence")


def max_batch(
    memory_bytes: int, weight_bytes: int, n_layers: int, n_kv_heads: int, head_dim: int,
    seq_len: int, dtype_bytes: int,
) -> int:
    """Largest batch whose full-length KV cache fits next to the weights (0 if none)."""
    raise NotImplementedError("memory left after the weights, divided by one sequence's cache")
