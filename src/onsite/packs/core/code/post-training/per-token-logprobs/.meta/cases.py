import torch

from onsite.judge.cases import case


def batch(B, T, V, *, seed, dtype=torch.float32, scale=2.0):
    g = torch.Generator().manual_seed(seed)
    logits = (torch.randn(B, T, V, generator=g, dtype=torch.float64) * scale).to(dtype)
    ids = torch.randint(0, V, (B, T), generator=g)
    return logits, ids


def completion_mask(prompt_lens, lengths, T):
    pos = torch.arange(T)[None, :]
    return (pos >= torch.tensor(prompt_lens)[:, None]) & (pos < torch.tensor(lengths)[:, None])


@case("prompt + completion + padding, batch 3", atol=1e-5, rtol=1e-5)
def basic(sub):
    logits, ids = batch(3, 8, 11, seed=0)
    mask = completion_mask([2, 3, 1], [8, 6, 4], 8)
    return {"logprobs": sub.token_logprobs(logits, ids, mask)}


@case("0/1 integer mask with holes", atol=1e-5, rtol=1e-5)
def holes(sub):
    logits, ids = batch(2, 7, 6, seed=1)
    mask = torch.tensor([[0, 1, 0, 1, 1, 0, 1], [1, 1, 1, 0, 0, 1, 0]])
    return {"logprobs": sub.token_logprobs(logits, ids, mask)}


@case("temperature 0.7 and 1.5", atol=1e-5, rtol=1e-5)
def temperature(sub):
    logits, ids = batch(2, 6, 9, seed=2)
    mask = completion_mask([1, 2], [6, 5], 6)
    return {"logprobs (t=0.7)": sub.token_logprobs(logits, ids, mask, temperature=0.7),
            "logprobs (t=1.5)": sub.token_logprobs(logits, ids, mask, temperature=1.5)}


@case("T = 2: a single predicted token per row", atol=1e-6, rtol=1e-5)
def short(sub):
    logits, ids = batch(4, 2, 5, seed=3)
    mask = torch.tensor([[0, 1], [0, 1], [1, 0], [1, 1]])
    return {"logprobs": sub.token_logprobs(logits, ids, mask)}


@case("logits of magnitude 1e4 stay finite (float32)", atol=1e-2, rtol=1e-5)
def large(sub):
    # Log-probs here are of order -1e4; atol 1e-2 is float32 rounding at that size.
    logits, ids = batch(2, 5, 8, seed=4, scale=1e4)
    mask = torch.ones(2, 5, dtype=torch.bool)
    return {"logprobs": sub.token_logprobs(logits, ids, mask)}


@case("bfloat16 logits are upcast: float32 result", atol=1e-5, rtol=1e-5, strict_dtype=True)
def bf16(sub):
    # The logits are exactly representable in bf16; the reference normalises them in
    # float32. A log-softmax done in bf16 is off by about 1e-2.
    logits, ids = batch(3, 6, 50, seed=5, dtype=torch.bfloat16, scale=4.0)
    mask = completion_mask([1, 2, 3], [6, 6, 5], 6)
    return {"logprobs": sub.token_logprobs(logits, ids, mask, temperature=0.9)}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    logits, ids = batch(2, 5, 7, seed=6, dtype=torch.float64)
    mask = completion_mask([1, 1], [5, 3], 5)
    return {"logprobs": sub.token_logprobs(logits, ids, mask)}


@case("gradient w.r.t. logits (float64)", atol=1e-12, rtol=1e-9, strict_dtype=True)
def gradient(sub):
    logits, ids = batch(2, 6, 7, seed=7, dtype=torch.float64)
    logits.requires_grad_(True)
    mask = completion_mask([2, 1], [6, 4], 6)
    out = sub.token_logprobs(logits, ids, mask, temperature=1.3)
    g = torch.Generator().manual_seed(70)
    weights = torch.randn(out.shape, generator=g, dtype=torch.float64)
    (out * weights).sum().backward()
    return {"logprobs": out, "grad_logits": logits.grad}
