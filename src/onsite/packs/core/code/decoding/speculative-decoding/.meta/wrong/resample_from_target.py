"""On rejection samples from the target distribution p instead of the residual max(0, p - q)."""
import torch


def speculative_accept(draft_tokens, draft_probs, target_probs, uniforms, generator):
    K = draft_tokens.size(0)
    for i in range(K):
        x = int(draft_tokens[i])
        if uniforms[i] < target_probs[i, x] / draft_probs[i, x]:
            continue
        correction = torch.multinomial(target_probs[i], 1, generator=generator)
        return torch.cat([draft_tokens[:i], correction]), i
    bonus = torch.multinomial(target_probs[K], 1, generator=generator)
    return torch.cat([draft_tokens, bonus]), K
