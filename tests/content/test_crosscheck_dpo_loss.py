"""Cross-check the DPO reference against torch's cross-entropy, a softplus form, and trl."""

import inspect
import math
from pathlib import Path
from types import SimpleNamespace

import pytest
import torch
import torch.nn.functional as F
from itemload import load_module

ITEM = (Path(__file__).resolve().parents[2]
        / "src/onsite/packs/core/code/post-training/dpo-loss/.meta/solution.py")


def load_reference():
    return load_module(ITEM)


ref = load_reference()


def random_batch(B, T, V, seed, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(B, T, V, generator=g, dtype=dtype) * 3
    labels = torch.randint(0, V, (B, T), generator=g)
    mask = torch.rand(B, T, generator=g) < 0.6
    mask[:, 0] = False  # a prompt token
    mask[0, -1] = True  # at least one response token somewhere
    return logits, labels, mask


def random_logps(B, seed, dtype=torch.float64, spread=30.0):
    g = torch.Generator().manual_seed(seed)
    return [-(torch.rand(B, generator=g, dtype=dtype) * spread) for _ in range(4)]


@pytest.mark.parametrize("B,T,V,seed", [(1, 1, 2, 0), (3, 9, 17, 1), (5, 4, 50, 2)])
def test_sequence_logprobs_matches_cross_entropy(B, T, V, seed):
    logits, labels, mask = random_batch(B, T, V, seed)
    # Cross-entropy is minus the log-prob of the target; ignore_index drops masked tokens.
    targets = labels.masked_fill(~mask, -100)
    nll = F.cross_entropy(logits.reshape(-1, V), targets.reshape(-1), reduction="none",
                          ignore_index=-100).reshape(B, T)
    want = -nll.sum(dim=1)
    torch.testing.assert_close(ref.sequence_logprobs(logits, labels, mask), want)
    # A 0/1 float mask means the same thing as the bool mask.
    torch.testing.assert_close(ref.sequence_logprobs(logits, labels, mask.double()), want)


def brute_force_loss(pc, pr, rc, rr, beta):
    total = 0.0
    for b in range(len(pc)):
        m = beta * ((pc[b].item() - rc[b].item()) - (pr[b].item() - rr[b].item()))
        # softplus(-m) = log(1 + exp(-m)), written stably by hand
        total += max(-m, 0.0) + math.log1p(math.exp(-abs(m)))
    return total / len(pc)


@pytest.mark.parametrize("beta", [0.01, 0.1, 0.5, 3.0])
@pytest.mark.parametrize("B", [1, 4, 16])
def test_loss_matches_softplus_form(beta, B):
    pc, pr, rc, rr = random_logps(B, seed=B * 7 + int(beta * 100))
    pc.requires_grad_(True)
    pr.requires_grad_(True)
    loss, chosen, rejected = ref.dpo_loss(pc, pr, rc, rr, beta=beta)
    assert loss.item() == pytest.approx(brute_force_loss(pc, pr, rc, rr, beta), rel=1e-12)
    torch.testing.assert_close(chosen, (beta * (pc - rc)).detach())
    torch.testing.assert_close(rejected, (beta * (pr - rr)).detach())
    assert loss.requires_grad
    assert not chosen.requires_grad and not rejected.requires_grad


def test_gradient_closed_form_and_large_margins():
    pc, pr, rc, rr = random_logps(6, seed=11)
    pc.requires_grad_(True)
    pr.requires_grad_(True)
    beta = 0.7
    loss, _, _ = ref.dpo_loss(pc, pr, rc, rr, beta=beta)
    loss.backward()
    m = beta * ((pc - rc) - (pr - rr)).detach()
    weight = torch.sigmoid(-m) * beta / len(m)
    torch.testing.assert_close(pc.grad, -weight)
    torch.testing.assert_close(pr.grad, weight)
    # float32 with |margin| ~ 1e3 in both directions stays finite and exact.
    big = torch.tensor([-1e4, 1e4, -50.0], dtype=torch.float32)
    zero = torch.zeros(3, dtype=torch.float32)
    loss, _, _ = ref.dpo_loss(big, zero, zero, zero, beta=0.1)
    assert torch.isfinite(loss)
    assert loss.item() == pytest.approx(brute_force_loss(big, zero, zero, zero, 0.1), rel=1e-6)
    ident, _, _ = ref.dpo_loss(pc, pr, pc.detach(), pr.detach(), beta=0.2)
    assert ident.item() == pytest.approx(math.log(2))


def test_sequence_logprobs_against_trl():
    pytest.importorskip("trl")
    utils = pytest.importorskip("trl.trainer.utils")
    if not hasattr(utils, "selective_log_softmax"):
        pytest.skip("this trl has no selective_log_softmax")
    logits, labels, mask = random_batch(4, 7, 13, seed=5)
    per_token = utils.selective_log_softmax(logits, labels)
    want = (per_token * mask).sum(dim=1)
    torch.testing.assert_close(ref.sequence_logprobs(logits, labels, mask), want)


def test_loss_against_trl():
    trl = pytest.importorskip("trl")
    try:
        trainer_cls = trl.DPOTrainer
    except (ImportError, RuntimeError) as exc:  # trl imports its trainers lazily
        pytest.skip(f"trl.DPOTrainer does not import here: {exc}")
    method = getattr(trainer_cls, "dpo_loss", None)
    if method is None:
        pytest.skip("this trl computes the DPO loss inline, with no standalone dpo_loss")
    beta = 0.3
    # The attributes dpo_loss reads on the trainer, for the plain sigmoid loss.
    trainer = SimpleNamespace(
        beta=beta, label_smoothing=0.0, loss_type="sigmoid", reference_free=False,
        f_divergence_type="reverse_kl", f_divergence_params=None, use_weighting=False,
        accelerator=SimpleNamespace(device=torch.device("cpu")),
    )
    pc, pr, rc, rr = random_logps(8, seed=9)
    kwargs = {"loss_type": "sigmoid"} if "loss_type" in inspect.signature(method).parameters \
        else {}
    losses, chosen, rejected = method(trainer, pc, pr, rc, rr, **kwargs)
    loss, my_chosen, my_rejected = ref.dpo_loss(pc, pr, rc, rr, beta=beta)
    torch.testing.assert_close(loss, losses.mean())
    torch.testing.assert_close(my_chosen, chosen)
    torch.testing.assert_close(my_rejected, rejected)
