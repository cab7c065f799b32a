"""Tests every draft token independently and keeps all that pass, even after a rejection."""
import torch


def speculative_accept(draft_tokens, draft_probs, target_probs, uniforms, generator):
    K = draft_tokens.size(0)
    idx = torch.arange(K)
    ratio = target_probs[idx, draft_tokens] / draft_probs[idx, draft_tokens]
    accepted = uniforms < ratio
    n = int(accepted.sum())
    kept = draft_tokens[accepted]
    if n == K:
        bonus = torch.multinomial(target_probs[K], 1, generator=generator)
        return torch.cat([kept, bonus]), K
    i = int((~accepted).nonzero()[0])
    residual = torch.clamp(target_probs[i] - draft_probs[i], min=0)
    correction = torch.multinomial(residual / residual.sum(), 1, generator=generator)
    return torch.cat([kept, correction]), n
