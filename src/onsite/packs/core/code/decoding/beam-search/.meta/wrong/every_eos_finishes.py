"""Ends every live beam with EOS at every step, even when its EOS candidate ranks below the beam width."""
import torch


def beam_search(model, prompt, beam_width, max_new_tokens, eos_id, length_penalty=1.0):
    context = prompt.tolist()
    beams = [([], 0.0)]
    finished = []
    for _ in range(max_new_tokens):
        ids = torch.tensor([context + tokens for tokens, _ in beams], dtype=torch.long)
        logprobs = torch.log_softmax(model(ids).double(), dim=-1)
        vocab = logprobs.size(-1)
        running = torch.tensor([score for _, score in beams], dtype=torch.float64)
        candidates = (running[:, None] + logprobs).reshape(-1)
        for beam, (tokens, _) in enumerate(beams):
            finished.append((tokens + [eos_id], candidates[beam * vocab + eos_id].item()))
        order = torch.sort(candidates, descending=True, stable=True).indices.tolist()
        next_beams = []
        for flat in order:
            beam, token = divmod(flat, vocab)
            if token != eos_id:
                next_beams.append((beams[beam][0] + [token], candidates[flat].item()))
                if len(next_beams) == beam_width:
                    break
        beams = next_beams

    def normalised(h):
        return h[1] / len(h[0]) ** length_penalty

    best = max(finished + beams, key=normalised)
    return best[0], normalised(best)
