from torch import Tensor


def flash_attention_backward(
    q: Tensor, k: Tensor, v: Tensor, o: Tensor, lse: Tensor, d_o: Tensor,
    block_q: int, block_k: int, causal: bool = False, scale: float | None = None,
) -> tuple[Tensor, Tensor, Tensor]:
    """Return (dq, dk, dv) of attention, recomputing P tile by tile from the saved lse."""
    raise NotImplementedError("D = rowsum(dO * O); then for each (key block, query block) tile ...")
