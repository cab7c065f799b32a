import torch
from torch import Tensor


def speculative_accept(
    draft_tokens: Tensor,
    draft_probs: Tensor,
    target_probs: Tensor,
    uniforms: Tensor,
    generator: torch.Generator,
) -> tuple[Tensor, int]:
    K = draft_tokens.size(0)
    for i in range(K):
        x = int(draft_tokens[i])
        p, q = target_probs[i, x], draft_probs[i, x]
        # Accept with probability min(1, p/q); the draft sampled x, so q(x) > 0.
        if uniforms[i] < p / q:
            continue
        # First rejection: draw from the part of the target the draft under-covers.
        # Its mass is positive, since p(x) < q(x) here and both rows sum to one.
        residual = torch.clamp(target_probs[i] - draft_probs[i], min=0)
        correction = torch.multinomial(residual / residual.sum(), 1, generator=generator)
        return torch.cat([draft_tokens[:i], correction]), i
    # Every draft token accepted: the target's last row gives one extra token for free.
    bonus = torch.multinomial(target_probs[K], 1, generator=generator)
    return torch.cat([draft_tokens, bonus]), K
