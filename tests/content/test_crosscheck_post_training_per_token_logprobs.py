"""Cross-check post-training/per-token-logprobs against F.cross_entropy(reduction="none"),
a plain-Python loop, and autograd of the log-softmax."""

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "post-training/per-token-logprobs"
ref = reference(ITEM)


def random_inputs(B, T, V, seed, dtype=torch.float64, scale=3.0):
    g = torch.Generator().manual_seed(seed)
    logits = (torch.randn(B, T, V, generator=g, dtype=torch.float64) * scale).to(dtype)
    ids = torch.randint(0, V, (B, T), generator=g)
    mask = torch.rand(B, T, generator=g) < 0.7
    return logits, ids, mask


def via_cross_entropy(logits, ids, mask, temperature):
    z = logits[:, :-1].float() if logits.dtype == torch.bfloat16 else logits[:, :-1]
    z = z / temperature
    V = z.shape[-1]
    nll = F.cross_entropy(z.reshape(-1, V), ids[:, 1:].reshape(-1), reduction="none")
    return (-nll.reshape(ids.shape[0], -1)) * mask[:, 1:]


def via_loop(logits, ids, mask, temperature):
    B, T, _ = logits.shape
    out = [[0.0] * (T - 1) for _ in range(B)]
    for b in range(B):
        for t in range(T - 1):
            if not mask[b, t + 1]:
                continue
            row = [x / temperature for x in logits[b, t].tolist()]
            top = max(row)
            out[b][t] = row[ids[b, t + 1].item()] - top - math.log(sum(math.exp(x - top) for x in row))
    return torch.tensor(out, dtype=torch.float64)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("temperature", [0.6, 1.0, 1.7])
def test_matches_cross_entropy_and_loop(seed, temperature):
    logits, ids, mask = random_inputs(3, 7, 10, seed)
    ours = ref.token_logprobs(logits, ids, mask, temperature)
    torch.testing.assert_close(ours, via_cross_entropy(logits, ids, mask, temperature))
    torch.testing.assert_close(ours, via_loop(logits, ids, mask, temperature), rtol=1e-12, atol=1e-12)
    assert (ours[~mask[:, 1:]] == 0).all()


def test_bfloat16_is_normalised_in_float32():
    logits, ids, mask = random_inputs(2, 6, 40, 9, dtype=torch.bfloat16)
    ours = ref.token_logprobs(logits, ids, mask, 0.8)
    assert ours.dtype == torch.float32
    torch.testing.assert_close(ours, via_cross_entropy(logits, ids, mask, 0.8))


def test_gradient_is_onehot_minus_softmax():
    logits, ids, mask = random_inputs(2, 5, 6, 3)
    logits.requires_grad_(True)
    ref.token_logprobs(logits, ids, mask, 1.0).sum().backward()
    want = torch.zeros_like(logits)
    p = torch.softmax(logits.detach()[:, :-1], -1)
    onehot = F.one_hot(ids[:, 1:], 6).double()
    want[:, :-1] = (onehot - p) * mask[:, 1:, None]
    torch.testing.assert_close(logits.grad, want)


@pytest.mark.parametrize("name", ["mask_not_shifted", "shift_backwards", "no_temperature",
                                  "temperature_after_normalising", "raw_logits"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    logits, ids, mask = random_inputs(3, 7, 10, 11)
    theirs = bad.token_logprobs(logits, ids, mask, 1.4)
    assert not torch.allclose(theirs, via_loop(logits, ids, mask, 1.4))
