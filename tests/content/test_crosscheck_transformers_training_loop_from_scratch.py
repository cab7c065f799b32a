"""Cross-checks for transformers/training-loop-from-scratch: the reference against a loop
written with the library pieces it replaces (LambdaLR, clip_grad_norm_, F.cross_entropy
with ignore_index) and one big batch per update instead of accumulation."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong
from torch import nn

ITEM = "transformers/training-loop-from-scratch"
ref = reference(ITEM)
PAD = 0


class Tiny(nn.Module):
    def __init__(self, vocab=9, dim=10):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.mix = nn.Linear(dim, dim)
        self.out = nn.Linear(dim, vocab)

    def forward(self, x):
        return self.out(torch.relu(self.mix(self.emb(x))))


def make():
    return Tiny().double()


def data(lengths, T, seed):
    g = torch.Generator().manual_seed(seed)
    rows = torch.randint(1, 9, (len(lengths), T), generator=g)
    for r, n in enumerate(lengths):
        rows[r, n:] = PAD
    return rows


def library_loop(train_tokens, eval_tokens, *, steps, b, A, lr, min_lr, W, wd, clip, seed):
    torch.manual_seed(seed)
    model = make()
    opt = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.95), eps=1e-8, weight_decay=wd)

    def factor(s):
        n = s + 1
        if n > steps:  # LambdaLR asks once more after the last update; never used
            return 1.0
        if n <= W:
            return n / W
        return (min_lr + 0.5 * (lr - min_lr) * (1 + math.cos(math.pi * (n - W) / (steps - W)))) / lr

    sched = torch.optim.lr_scheduler.LambdaLR(opt, factor)
    N = train_tokens.shape[0]
    losses, norms = [], []
    for s in range(steps):
        # the whole update as ONE batch: accumulation must reproduce exactly this
        idx = [(s * A * b + i) % N for i in range(A * b)]
        rows = train_tokens[idx]
        logits = model(rows[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), rows[:, 1:].reshape(-1),
                               ignore_index=PAD)
        opt.zero_grad()
        loss.backward()
        norms.append(float(torch.nn.utils.clip_grad_norm_(model.parameters(), clip)))
        opt.step()
        sched.step()
        losses.append(float(loss.detach()))
    model.eval()
    with torch.no_grad():
        logits = model(eval_tokens[:, :-1])
        ev = float(F.cross_entropy(logits.reshape(-1, logits.shape[-1]), eval_tokens[:, 1:].reshape(-1),
                                   ignore_index=PAD))
    return losses, norms, ev, model


CONFIGS = [
    dict(steps=5, b=2, A=3, lr=2e-2, min_lr=1e-3, W=2, wd=0.1, clip=0.2, seed=0),
    dict(steps=7, b=3, A=1, lr=1e-2, min_lr=0.0, W=0, wd=0.0, clip=1e9, seed=1),
    dict(steps=3, b=1, A=4, lr=5e-2, min_lr=5e-3, W=3, wd=0.01, clip=1.0, seed=2),
]


@pytest.mark.parametrize("cfg", CONFIGS)
def test_matches_library_loop(cfg):
    train_tokens = data([7, 2, 5, 7, 3, 6, 1, 7, 4], 7, seed=cfg["seed"])
    eval_tokens = data([7, 4, 6], 7, seed=cfg["seed"] + 10)
    losses, norms, ev, model = library_loop(train_tokens, eval_tokens, **cfg)
    out = ref.train(make, train_tokens, eval_tokens, steps=cfg["steps"], micro_batch_size=cfg["b"],
                    accum_steps=cfg["A"], lr=cfg["lr"], min_lr=cfg["min_lr"], warmup_steps=cfg["W"],
                    weight_decay=cfg["wd"], max_grad_norm=cfg["clip"], seed=cfg["seed"])
    assert out["train_loss"] == pytest.approx(losses, rel=1e-12)
    assert out["grad_norm"] == pytest.approx(norms, rel=1e-10)
    assert out["final_eval_loss"] == pytest.approx(ev, rel=1e-12)
    for p, q in zip(out["model"].parameters(), model.parameters(), strict=True):
        torch.testing.assert_close(p, q, atol=1e-12, rtol=1e-10)


def test_schedule_endpoints():
    assert ref.lr_at(0, 10, 4, 1.0, 0.1) == pytest.approx(0.25)
    assert ref.lr_at(3, 10, 4, 1.0, 0.1) == pytest.approx(1.0)
    assert ref.lr_at(9, 10, 4, 1.0, 0.1) == pytest.approx(0.1)
    assert ref.lr_at(0, 1, 0, 1.0, 0.2) == pytest.approx(0.2)
    assert ref.lr_at(4, 5, 5, 1.0, 0.2) == pytest.approx(1.0)


@pytest.mark.parametrize("name", ["mean_of_micro_means", "padding_in_loss", "per_parameter_clipping"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    cfg = CONFIGS[0]
    train_tokens = data([7, 2, 5, 7, 3, 6, 1, 7, 4], 7, seed=0)
    eval_tokens = data([7, 4, 6], 7, seed=10)
    losses, _, _, model = library_loop(train_tokens, eval_tokens, **cfg)
    out = bad.train(make, train_tokens, eval_tokens, steps=cfg["steps"], micro_batch_size=cfg["b"],
                    accum_steps=cfg["A"], lr=cfg["lr"], min_lr=cfg["min_lr"], warmup_steps=cfg["W"],
                    weight_decay=cfg["wd"], max_grad_norm=cfg["clip"], seed=cfg["seed"])
    w = torch.cat([p.detach().flatten() for p in out["model"].parameters()])
    r = torch.cat([p.detach().flatten() for p in model.parameters()])
    assert not torch.allclose(w, r, atol=1e-6, rtol=1e-5)
