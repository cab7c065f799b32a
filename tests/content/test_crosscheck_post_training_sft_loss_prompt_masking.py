"""Cross-check post-training/sft-loss-prompt-masking against F.cross_entropy(ignore_index=-100)
and a plain-Python loop over positions."""

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "post-training/sft-loss-prompt-masking"
ref = reference(ITEM)


def random_batch(B, T, V, seed, dtype=torch.float64, scale=3.0):
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, V, (B, T), generator=g)
    prompts = torch.randint(0, T, (B,), generator=g)
    lengths = prompts + 1 + (torch.rand(B, generator=g) * (T - prompts)).long()
    lengths = lengths.clamp(max=T)
    attn = (torch.arange(T)[None, :] < lengths[:, None]).long()
    logits = torch.randn(B, T, V, generator=g, dtype=dtype) * scale
    return ids, prompts, attn, logits


def torch_loss(logits, labels):
    V = logits.shape[-1]
    return F.cross_entropy(logits[:, :-1].reshape(-1, V), labels[:, 1:].reshape(-1),
                           ignore_index=-100)


def loop_loss(logits, ids, prompts, attn):
    total, count = 0.0, 0
    B, T, _ = logits.shape
    for b in range(B):
        for t in range(1, T):
            if t < prompts[b].item() or attn[b, t].item() == 0:
                continue
            row = logits[b, t - 1].tolist()
            top = max(row)
            lse = top + math.log(sum(math.exp(x - top) for x in row))
            total += lse - row[ids[b, t].item()]
            count += 1
    return total / count


@pytest.mark.parametrize("seed", range(8))
def test_matches_cross_entropy_and_loop(seed):
    ids, prompts, attn, logits = random_batch(4, 9, 13, seed)
    labels = ref.build_labels(ids, prompts, attn)
    if (labels[:, 1:] != -100).sum() == 0:
        pytest.skip("no counted token")
    ours = ref.sft_loss(logits, labels)
    torch.testing.assert_close(ours, torch_loss(logits, labels))
    assert ours.item() == pytest.approx(loop_loss(logits, ids, prompts, attn), rel=1e-12)


def test_gradient_matches_cross_entropy():
    ids, prompts, attn, logits = random_batch(3, 8, 11, 42)
    labels = ref.build_labels(ids, prompts, attn)
    a = logits.clone().requires_grad_(True)
    b = logits.clone().requires_grad_(True)
    ref.sft_loss(a, labels).backward()
    torch_loss(b, labels).backward()
    torch.testing.assert_close(a.grad, b.grad)


def test_large_logits_float32():
    ids, prompts, attn, logits = random_batch(2, 6, 10, 3, dtype=torch.float32, scale=1e4)
    labels = ref.build_labels(ids, prompts, attn)
    torch.testing.assert_close(ref.sft_loss(logits, labels), torch_loss(logits, labels))


@pytest.mark.parametrize("name", ["no_shift", "per_sequence_mean", "prompt_not_masked",
                                  "prompt_off_by_one", "sum_not_mean"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    ids, prompts, attn, logits = random_batch(4, 9, 13, 5)
    prompts = torch.tensor([2, 3, 1, 4])
    attn = (torch.arange(9)[None, :] < torch.tensor([9, 5, 3, 8])[:, None]).long()
    labels = ref.build_labels(ids, prompts, attn)
    theirs = bad.sft_loss(logits, bad.build_labels(ids, prompts, attn))
    assert not torch.allclose(theirs, torch_loss(logits, labels))
