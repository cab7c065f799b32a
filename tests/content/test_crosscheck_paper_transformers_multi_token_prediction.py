"""Cross-check paper/transformers/multi-token-prediction: the reference against
F.cross_entropy per head and against plain-Python loops over (b, t, k)."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import item_dir, reference, wrong

ITEM = "transformers/multi-token-prediction"
ref = reference(ITEM, "paper")


def batch(B, T, D, V, n, seed, pad=()):
    g = torch.Generator().manual_seed(seed)
    hidden = torch.randn(B, T, D, generator=g, dtype=torch.float64)
    heads = torch.randn(n, D, D, generator=g, dtype=torch.float64) / math.sqrt(D)
    unembed = torch.randn(D, V, generator=g, dtype=torch.float64)
    tokens = torch.randint(0, V, (B, T), generator=g)
    for b, start in pad:
        tokens[b, start:] = -100
    return hidden, heads, unembed, tokens


def loop_oracle(hidden, heads, unembed, tokens, ignore=-100):
    B, T, _ = hidden.shape
    per_head = []
    for k in range(1, heads.shape[0] + 1):
        terms = []
        for b in range(B):
            for t in range(T):
                if t + k >= T or tokens[b, t + k].item() == ignore:
                    continue
                logits = (hidden[b, t] @ heads[k - 1] @ unembed).tolist()
                top = max(logits)
                lse = top + math.log(sum(math.exp(v - top) for v in logits))
                terms.append(lse - logits[tokens[b, t + k].item()])
        per_head.append(sum(terms) / len(terms) if terms else 0.0)
    return sum(per_head), per_head


def library_oracle(hidden, heads, unembed, tokens, ignore=-100):
    T = hidden.shape[1]
    losses = []
    for k in range(1, heads.shape[0] + 1):
        targets = tokens[:, k:]
        if k >= T or (targets != ignore).sum() == 0:
            losses.append(hidden.sum() * 0)
            continue
        logits = hidden[:, :T - k] @ heads[k - 1] @ unembed
        losses.append(F.cross_entropy(logits.transpose(1, 2), targets, ignore_index=ignore))
    return torch.stack(losses).sum()


SETUPS = [(2, 9, 6, 11, 4, 0, ()), (3, 7, 5, 13, 1, 1, ()), (2, 3, 4, 7, 4, 2, ()),
          (3, 10, 6, 9, 3, 3, ((0, 6), (2, 3))), (2, 4, 5, 8, 2, 5, ((0, 2), (1, 3)))]


@pytest.mark.parametrize("B,T,D,V,n,seed,pad", SETUPS)
def test_matches_loops_and_library(B, T, D, V, n, seed, pad):
    hidden, heads, unembed, tokens = batch(B, T, D, V, n, seed, pad)
    loss, per_head = ref.multi_token_prediction_loss(hidden, heads, unembed, tokens)
    want_loss, want_heads = loop_oracle(hidden, heads, unembed, tokens)
    assert per_head.tolist() == pytest.approx(want_heads, rel=1e-10, abs=1e-12)
    assert loss.item() == pytest.approx(want_loss, rel=1e-10, abs=1e-12)
    torch.testing.assert_close(loss, library_oracle(hidden, heads, unembed, tokens))


def test_gradients_match_library():
    hidden, heads, unembed, tokens = batch(2, 7, 5, 9, 3, 7, ((1, 5),))
    params = [t.clone().requires_grad_(True) for t in (hidden, heads, unembed)]
    ref.multi_token_prediction_loss(*params, tokens)[0].backward()
    ours = [p.grad for p in params]
    params = [t.clone().requires_grad_(True) for t in (hidden, heads, unembed)]
    library_oracle(*params, tokens).backward()
    for a, p in zip(ours, params, strict=True):
        torch.testing.assert_close(a, p.grad, atol=1e-12, rtol=1e-10)


ORACLE = {}


def cached_oracle(i):
    if i not in ORACLE:
        ORACLE[i] = loop_oracle(*batch(*SETUPS[i]))
    return ORACLE[i]


WRONG = sorted(p.stem for p in (item_dir(ITEM, "paper") / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees(name):
    bad = wrong(ITEM, name, "paper")
    differs = False
    for i, setup in enumerate(SETUPS):
        hidden, heads, unembed, tokens = batch(*setup)
        loss, per_head = bad.multi_token_prediction_loss(hidden, heads, unembed, tokens)
        want_loss, want_heads = cached_oracle(i)
        differs |= abs(loss.item() - want_loss) > 1e-6
        differs |= any(abs(a - b) > 1e-6 for a, b in zip(per_head.tolist(), want_heads,
                                                         strict=True))
    assert differs
