"""The warmup_cosine_lr reference agrees with a brute-force oracle and with torch schedulers."""

import math

import pytest
import torch
from itemload import reference, wrong

ITEM = "optimisation/warmup-cosine-schedule"
ref = reference(ITEM)
GRID = [(20, 5), (50, 10), (8, 3), (12, 0), (10, 1), (6, 6), (4, 3), (1, 0), (1, 1), (300, 30)]


def oracle(total, warmup, max_lr, min_lr, extra=5):
    """Walk the run update by update, tracking the two phases with explicit counters."""
    lrs = []
    done = 0  # updates completed before this one
    for _ in range(total + extra):
        done += 1
        if done <= warmup:
            lrs.append(max_lr * done / warmup)
        elif done <= total:
            into_decay = done - warmup
            length = total - warmup
            angle = math.pi * into_decay / length
            lrs.append(min_lr + (max_lr - min_lr) * (1 + math.cos(angle)) / 2)
        else:
            lrs.append(min_lr)
    return lrs


@pytest.mark.parametrize("total,warmup", GRID)
@pytest.mark.parametrize("max_lr,min_lr", [(1e-3, 0.0), (3.0, 0.3)])
def test_matches_oracle(total, warmup, max_lr, min_lr):
    got = [ref.warmup_cosine_lr(s, total, warmup, max_lr, min_lr) for s in range(total + 5)]
    assert all(isinstance(x, float) for x in got)
    assert got == pytest.approx(oracle(total, warmup, max_lr, min_lr), rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("total,warmup", [(20, 5), (50, 10), (8, 3), (10, 1)])
def test_stated_endpoints(total, warmup):
    lr = [ref.warmup_cosine_lr(s, total, warmup, 2.0, 0.5) for s in range(total + 2)]
    assert lr[0] == pytest.approx(2.0 / warmup)
    assert lr[warmup - 1] == pytest.approx(2.0) and max(lr) == pytest.approx(2.0)
    assert lr[total - 1] == pytest.approx(0.5) and lr[total] == lr[total + 1] == 0.5
    assert all(a >= b for a, b in zip(lr[warmup - 1:], lr[warmup:], strict=False))


@pytest.mark.parametrize("total,warmup", [(20, 5), (30, 1), (12, 4)])
def test_matches_torch_schedulers_shifted_by_one(total, warmup):
    """torch's LinearLR + CosineAnnealingLR, indexed by updates completed (n = step + 1).

    torch reports the rate after k scheduler steps; our step s uses the rate at n = s + 1,
    i.e. LinearLR's rate for k = s during warmup, then CosineAnnealingLR's rate at
    k = s + 1 - W (its T_max = T - W).
    """
    max_lr, min_lr = 1.0, 0.1
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=max_lr)
    warm = torch.optim.lr_scheduler.LinearLR(opt, start_factor=1 / warmup, end_factor=1.0,
                                             total_iters=max(warmup - 1, 1))
    warm_lrs = []
    for _ in range(warmup):
        warm_lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        warm.step()
    opt2 = torch.optim.SGD([p], lr=max_lr)
    cos = torch.optim.lr_scheduler.CosineAnnealingLR(opt2, T_max=total - warmup, eta_min=min_lr)
    cos_lrs = []
    for _ in range(total - warmup + 1):
        cos_lrs.append(opt2.param_groups[0]["lr"])
        opt2.step()
        cos.step()
    theirs = warm_lrs + cos_lrs[1:]
    ours = [ref.warmup_cosine_lr(s, total, warmup, max_lr, min_lr) for s in range(total)]
    assert ours == pytest.approx(theirs, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("variant", ["warmup_from_zero", "cosine_off_by_one", "scale_by_max",
                                     "no_clamp_after_end", "cosine_over_whole_run"])
def test_wrong_variants_disagree_with_oracle(variant):
    fn = wrong(ITEM, variant).warmup_cosine_lr
    got = [fn(s, 20, 5, 1.0, 0.1) for s in range(25)]
    assert got != pytest.approx(oracle(20, 5, 1.0, 0.1), rel=1e-9)
