"""Accepts when u <= p/q, so a token the target gives zero probability is accepted when u = 0."""
import torch


def speculative_accept(draft_tokens, draft_probs, target_probs, uniforms, generator):
    K = draft_tokens.size(0)
    for i in range(K):
        x = int(draft_tokens[i])
        if uniforms[i] <= target_probs[i, x] / draft_probs[i, x]:
            continue
        residual = torch.clamp(target_probs[i] - draft_probs[i], min=0)
        correction = torch.multinomial(residual / residual.sum(), 1, generator=generator)
        return torch.cat([draft_tokens[:i], correction]), i
    bonus = torch.multinomial(target_probs[K], 1, generator=generator)
    return torch.cat([draft_tokens, bonus]), K
