"""Uses |p - q| as the residual, giving mass to tokens the draft over-covers."""
import torch


def speculative_accept(draft_tokens, draft_probs, target_probs, uniforms, generator):
    K = draft_tokens.size(0)
    for i in range(K):
        x = int(draft_tokens[i])
        if uniforms[i] < target_probs[i, x] / draft_probs[i, x]:
            continue
        residual = (target_probs[i] - draft_probs[i]).abs()
        correction = torch.multinomial(residual / residual.sum(), 1, generator=generator)
        return torch.cat([draft_tokens[:i], correction]), i
    bonus = torch.multinomial(target_probs[K], 1, generator=generator)
    return torch.cat([draft_tokens, bonus]), K
