"""Applies the penalty once per occurrence, so a token seen three times is scaled by penalty**3."""


def apply_repetition_penalty(logits, prev_ids, penalty):
    out = logits.clone()
    for b in range(prev_ids.size(0)):
        for t in prev_ids[b].tolist():
            if t < 0:
                continue
            x = out[b, t]
            out[b, t] = x / penalty if x > 0 else x * penalty
    return out
