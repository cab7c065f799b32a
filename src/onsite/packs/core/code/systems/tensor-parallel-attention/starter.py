from torch import Tensor


def shard_attention(w_qkv: Tensor, b_qkv: Tensor, w_o: Tensor, n_heads: int,
                    world_size: int) -> list[dict[str, Tensor]]:
    """Return one dict {"w_qkv", "b_qkv", "w_o"} per rank: QKV by heads, w_o by rows."""
    raise NotImplementedError("rank r owns heads [r*H/R, (r+1)*H/R) inside each of Q, K and V")


def tensor_parallel_attention(
    x: Tensor, w_qkv: Tensor, b_qkv: Tensor, w_o: Tensor, b_o: Tensor, n_heads: int,
    world_size: int, causal: bool = False,
) -> tuple[Tensor, list[Tensor], list[dict[str, list[int]]]]:
    """Return (output, each rank's partial output, each rank's shard shapes)."""
    raise NotImplementedError("run every rank on the full x, sum the partials, add b_o once")
