"""Adds raw logits instead of log-probabilities, so scores are not comparable across steps."""
from collections.abc import Callable

import torch
from torch import Tensor


def beam_search(
    model: Callable[[Tensor], Tensor],
    prompt: Tensor,
    beam_width: int,
    max_new_tokens: int,
    eos_id: int,
    length_penalty: float = 1.0,
) -> tuple[list[int], float]:
    context = prompt.tolist()
    beams: list[tuple[list[int], float]] = [([], 0.0)]
    finished: list[tuple[list[int], float]] = []

    for _ in range(max_new_tokens):
        if not beams:
            break
        ids = torch.tensor([context + tokens for tokens, _ in beams], dtype=torch.long)
        logprobs = model(ids).double()
        vocab = logprobs.size(-1)
        running = torch.tensor([score for _, score in beams], dtype=torch.float64)
        candidates = (running[:, None] + logprobs).reshape(-1)
        order = torch.sort(candidates, descending=True, stable=True).indices.tolist()

        next_beams: list[tuple[list[int], float]] = []
        for rank, flat in enumerate(order):
            beam, token = divmod(flat, vocab)
            hypothesis = (beams[beam][0] + [token], candidates[flat].item())
            if token == eos_id:
                if rank < beam_width:
                    finished.append(hypothesis)
            else:
                next_beams.append(hypothesis)
                if len(next_beams) == beam_width:
                    break
        beams = next_beams

    def normalised(h: tuple[list[int], float]) -> float:
        tokens, score = h
        return score / len(tokens) ** length_penalty

    best = max(finished + beams, key=normalised)
    return best[0], normalised(best)
