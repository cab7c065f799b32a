import torch

from onsite.judge.cases import case


def batch(B, T, V, *, seed, dtype=torch.float32, scale=2.0):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(B, T, V, generator=g, dtype=dtype) * scale
    targets = torch.randint(0, V, (B, T), generator=g)
    return logits, targets


def lengths_mask(lengths, T):
    return torch.arange(T)[None, :] < torch.tensor(lengths)[:, None]


@case("token log-probs, (3, 6, 11)", atol=1e-5, rtol=1e-5)
def log_probs(sub):
    return {"log_probs": sub.token_log_probs(*batch(3, 6, 11, seed=0))}


@case("perplexity with padding at the end of each row", atol=1e-4, rtol=1e-5)
def padded(sub):
    logits, targets = batch(3, 6, 11, seed=1)
    return {"perplexity": sub.perplexity(logits, targets, lengths_mask([6, 3, 5], 6))}


@case("very different lengths: token-weighted, not an average over sequences",
      atol=1e-4, rtol=1e-5)
def lengths(sub):
    logits, targets = batch(2, 20, 7, seed=2)
    # Row 1 (a single token) is made very unlikely: a per-sequence average would be dominated by it.
    logits[1, 0] = 0.0
    logits[1, 0, targets[1, 0]] = -6.0
    return {"perplexity": sub.perplexity(logits, targets, lengths_mask([20, 1], 20))}


@case("several masks on one batch (a row fully masked, holes, all ones)", atol=1e-4, rtol=1e-5)
def masks(sub):
    logits, targets = batch(3, 5, 9, seed=3)
    full = torch.ones(3, 5, dtype=torch.bool)
    no_row = full.clone()
    no_row[1] = False
    holes = torch.tensor([[1, 0, 1, 0, 1], [0, 0, 1, 1, 0], [1, 1, 1, 1, 0]], dtype=torch.float32)
    return {"perplexities": [float(sub.perplexity(logits, targets, m)) for m in (full, no_row, holes)]}


@case("uniform logits give perplexity V; a confident right model gives ~1", atol=1e-4, rtol=1e-5)
def known_values(sub):
    _, targets = batch(2, 4, 13, seed=4)
    uniform = torch.zeros(2, 4, 13)
    confident = torch.full((2, 4, 13), -10.0).scatter(-1, targets.unsqueeze(-1), 10.0)
    mask = torch.ones(2, 4, dtype=torch.bool)
    return {"perplexities": [float(sub.perplexity(uniform, targets, mask)),
                             float(sub.perplexity(confident, targets, mask))]}


@case("large logits (scale 100) stay finite", atol=1e-3, rtol=1e-4)
def large(sub):
    # Target probabilities underflow to 0 in float32: log(softmax) gives -inf and an infinite
    # perplexity. The NLL is large but finite, so compare it through the log-probs.
    logits, targets = batch(2, 3, 8, seed=5, scale=100.0)
    lp = sub.token_log_probs(logits, targets)
    ppl = sub.perplexity(logits / 100.0 * 3.0, targets, torch.ones(2, 3, dtype=torch.bool))
    return {"log_probs": lp, "perplexity_scaled": ppl}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    logits, targets = batch(2, 5, 6, seed=6, dtype=torch.float64)
    mask = lengths_mask([5, 2], 5)
    return {"log_probs": sub.token_log_probs(logits, targets),
            "perplexity": sub.perplexity(logits, targets, mask)}


@case("one token in the whole batch", atol=1e-5, rtol=1e-5)
def single(sub):
    logits, targets = batch(1, 1, 5, seed=7)
    return {"perplexity": sub.perplexity(logits, targets, torch.ones(1, 1, dtype=torch.bool)),
            "log_probs": sub.token_log_probs(logits, targets)}
