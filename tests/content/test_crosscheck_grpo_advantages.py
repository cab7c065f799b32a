"""Cross-check the GRPO reference against plain-Python loops written independently."""

import math
import statistics
from pathlib import Path

import pytest
import torch
from itemload import load_module

ITEM = (Path(__file__).resolve().parents[2]
        / "src/onsite/packs/core/code/post-training/grpo-advantages/.meta/solution.py")


def load_reference():
    return load_module(ITEM)


ref = load_reference()


def loop_advantages(rewards, G, eps, scale):
    out = []
    for start in range(0, len(rewards), G):
        group = rewards[start:start + G]
        mean = statistics.fmean(group)
        sd = statistics.stdev(group)  # sample (n - 1) standard deviation
        for r in group:
            out.append((r - mean) / (sd + eps) if scale else r - mean)
    return out


def loop_loss(logprobs, old, adv, mask, clip_eps):
    per_sequence = []
    for n in range(len(logprobs)):
        total, count = 0.0, 0
        for t in range(len(logprobs[n])):
            if not mask[n][t]:
                continue
            ratio = math.exp(logprobs[n][t] - old[n][t])
            clipped = min(max(ratio, 1 - clip_eps), 1 + clip_eps)
            total += -min(ratio * adv[n], clipped * adv[n])
            count += 1
        per_sequence.append(total / count)
    return sum(per_sequence) / len(per_sequence)


def loop_grad(logprobs, old, adv, mask, clip_eps):
    """d loss / d logprobs, case by case on which term the min keeps."""
    N = len(logprobs)
    grad = [[0.0] * len(row) for row in logprobs]
    for n in range(N):
        count = sum(bool(v) for v in mask[n])
        for t in range(len(logprobs[n])):
            if not mask[n][t]:
                continue
            ratio = math.exp(logprobs[n][t] - old[n][t])
            a = adv[n]
            clipped_out = (a > 0 and ratio > 1 + clip_eps) or (a < 0 and ratio < 1 - clip_eps)
            grad[n][t] = 0.0 if clipped_out else -a * ratio / (count * N)
    return grad


@pytest.mark.parametrize("G,B", [(2, 5), (4, 3), (8, 2), (16, 1)])
@pytest.mark.parametrize("scale", [True, False])
def test_advantages_match_loop(G, B, scale):
    g = torch.Generator().manual_seed(G * 10 + B)
    rewards = torch.randn(B * G, generator=g, dtype=torch.float64)
    rewards[:G] = (rewards[:G] > 0).double()  # a binary group
    if B > 1:
        rewards[G:2 * G] = 0.25  # a group with all-equal rewards
    got = ref.group_advantages(rewards, G, eps=1e-4, scale=scale)
    want = torch.tensor(loop_advantages(rewards.tolist(), G, 1e-4, scale), dtype=torch.float64)
    torch.testing.assert_close(got, want, atol=1e-12, rtol=1e-12)
    assert got.dtype == torch.float64
    assert not torch.isnan(got).any()


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("clip_eps", [0.1, 0.2, 0.3])
def test_loss_and_gradient_match_loop(seed, clip_eps):
    g = torch.Generator().manual_seed(seed)
    N, T = 6, 9
    old = -torch.rand(N, T, generator=g, dtype=torch.float64) * 4
    logprobs = old + torch.randn(N, T, generator=g, dtype=torch.float64) * 0.4
    adv = torch.randn(N, generator=g, dtype=torch.float64)
    lengths = torch.randint(1, T + 1, (N,), generator=g)
    mask = torch.arange(T)[None, :] < lengths[:, None]
    mask[0, 0] = False  # a hole at the start of one row
    mask[0, -1] = True
    lp = logprobs.clone().requires_grad_(True)
    loss = ref.grpo_loss(lp, old, adv, mask, clip_eps=clip_eps)
    loss.backward()
    args = (logprobs.tolist(), old.tolist(), adv.tolist(), mask.tolist(), clip_eps)
    assert loss.item() == pytest.approx(loop_loss(*args), rel=1e-12, abs=1e-14)
    want_grad = torch.tensor(loop_grad(*args), dtype=torch.float64)
    torch.testing.assert_close(lp.grad, want_grad, atol=1e-12, rtol=1e-10)
    # The gradient also survives a finite-difference check.
    assert torch.autograd.gradcheck(
        lambda x: ref.grpo_loss(x, old, adv, mask, clip_eps=clip_eps),
        (logprobs.clone().requires_grad_(True),))


def test_float_mask_and_end_to_end():
    rewards = torch.tensor([1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0])
    adv = ref.group_advantages(rewards, 4)
    assert adv.tolist() == pytest.approx(loop_advantages(rewards.tolist(), 4, 1e-4, True),
                                         rel=1e-6)
    g = torch.Generator().manual_seed(3)
    old = -torch.rand(8, 5, generator=g)
    logprobs = old + 0.3 * torch.randn(8, 5, generator=g)
    mask = (torch.rand(8, 5, generator=g) < 0.7).float()
    mask[:, 0] = 1.0
    loss = ref.grpo_loss(logprobs, old, adv, mask)
    want = loop_loss(logprobs.tolist(), old.tolist(), adv.tolist(), mask.tolist(), 0.2)
    assert loss.item() == pytest.approx(want, rel=1e-5)
