import torch
from torch import Tensor


def speculative_accept(
    draft_tokens: Tensor,
    draft_probs: Tensor,
    target_probs: Tensor,
    uniforms: Tensor,
    generator: torch.Generator,
) -> tuple[Tensor, int]:
    """Verify K draft tokens against the target; return (emitted tokens (n + 1,), n accepted)."""
    raise NotImplementedError("accept while u < p/q; on the first rejection sample the residual")
