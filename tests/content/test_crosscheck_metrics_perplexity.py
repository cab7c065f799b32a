"""Cross-checks for metrics/perplexity: the reference against F.cross_entropy with ignore_index
(token-weighted by construction) and a plain-Python loop over tokens."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import item_dir, reference, wrong

ITEM = "metrics/perplexity"
ref = reference(ITEM)


def random_batch(seed, B=4, T=9, V=13, dtype=torch.float64, scale=2.0):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(B, T, V, generator=g, dtype=dtype) * scale
    targets = torch.randint(0, V, (B, T), generator=g)
    lengths = torch.randint(0, T + 1, (B,), generator=g)
    lengths[0] = max(int(lengths[0]), 1)
    mask = torch.arange(T)[None, :] < lengths[:, None]
    return logits, targets, mask


def loop_perplexity(logits, targets, mask):
    total, count = 0.0, 0
    for b in range(logits.shape[0]):
        for t in range(logits.shape[1]):
            if mask[b, t]:
                row = logits[b, t].tolist()
                top = max(row)
                log_z = top + math.log(sum(math.exp(x - top) for x in row))
                total += log_z - row[targets[b, t]]
                count += 1
    return math.exp(total / count)


@pytest.mark.parametrize("seed", range(10))
def test_matches_cross_entropy_and_loop(seed):
    logits, targets, mask = random_batch(seed)
    ce = F.cross_entropy(logits.reshape(-1, logits.shape[-1]),
                         targets.masked_fill(~mask, -100).reshape(-1), ignore_index=-100)
    got = ref.perplexity(logits, targets, mask)
    assert got.dtype == torch.float64 and got.dim() == 0
    torch.testing.assert_close(got, torch.exp(ce), atol=1e-12, rtol=1e-12)
    assert got.item() == pytest.approx(loop_perplexity(logits, targets, mask), rel=1e-12)
    torch.testing.assert_close(ref.perplexity(logits, targets, mask.double()), got)
    nll = F.cross_entropy(logits.permute(0, 2, 1), targets, reduction="none")
    torch.testing.assert_close(ref.token_log_probs(logits, targets), -nll)


def test_large_logits_float32():
    logits, targets, mask = random_batch(0, dtype=torch.float32, scale=100.0)
    got = ref.token_log_probs(logits, targets)
    assert torch.isfinite(got).all()
    torch.testing.assert_close(got, -F.cross_entropy(logits.permute(0, 2, 1), targets, reduction="none"))


def test_prompt_example():
    logits = torch.log(torch.tensor([[[0.5, 0.5], [0.9, 0.1], [0.2, 0.8]],
                                     [[0.25, 0.75], [0.5, 0.5], [0.5, 0.5]]]))
    got = ref.perplexity(logits, torch.tensor([[0, 0, 1], [1, 0, 0]]),
                         torch.tensor([[True, True, True], [True, False, False]]))
    want = math.exp(-(math.log(0.5) + math.log(0.9) + math.log(0.8) + math.log(0.75)) / 4)
    assert got.item() == pytest.approx(want, rel=1e-6)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees(name):
    bad = wrong(ITEM, name)
    disagrees = False
    for seed in range(3):
        logits, targets, mask = random_batch(seed)
        got = bad.perplexity(logits, targets, mask).item()
        disagrees |= got != pytest.approx(loop_perplexity(logits, targets, mask), rel=1e-9)
    logits, targets, _ = random_batch(0, dtype=torch.float32, scale=100.0)
    want = -F.cross_entropy(logits.permute(0, 2, 1), targets, reduction="none")
    disagrees |= not torch.allclose(bad.token_log_probs(logits, targets), want)
    assert disagrees
