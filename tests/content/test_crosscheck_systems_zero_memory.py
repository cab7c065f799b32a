"""Cross-checks for systems/zero-memory: the reference against the paper's Figure 1 numbers, an
independent oracle that counts which replica stores which byte (an explicit per-GPU ledger for
small models), and a brute-force search for max_params."""

from __future__ import annotations

import pytest
from itemload import item_dir, reference, wrong

ITEM = "systems/zero-memory"
ref = reference(ITEM)


def ledger(num_params: int, n: int, stage: int) -> list[dict[str, int]]:
    """Walk every parameter and every byte kind; assign it to each GPU that stores it."""
    gpus = [{"params": 0, "grads": 0, "optimizer": 0} for _ in range(n)]
    kinds = {"params": (2, 3), "grads": (2, 2), "optimizer": (4 + 4 + 4, 1)}
    for p in range(num_params):
        owner = p * n // num_params   # contiguous shards
        for kind, (nbytes, from_stage) in kinds.items():
            holders = [owner] if stage >= from_stage else range(n)
            for g in holders:
                gpus[g][kind] += nbytes
    return gpus


@pytest.mark.parametrize("stage", range(4))
@pytest.mark.parametrize("n", [1, 2, 4, 8])
def test_average_gpu_matches_ledger(stage, n):
    num_params = 64
    gpus = ledger(num_params, n, stage)
    got = ref.zero_memory(num_params, n, stage)
    for kind in ("params", "grads", "optimizer"):
        assert got[kind] == pytest.approx(sum(g[kind] for g in gpus) / n, rel=1e-12)
    assert got["total"] == pytest.approx(sum(sum(g.values()) for g in gpus) / n, rel=1e-12)
    # with N dividing the count every GPU stores the same amount
    assert len({sum(g.values()) for g in gpus}) == 1


def test_paper_figure_one():
    gb = [ref.zero_memory(7_500_000_000, 64, s)["total"] / 1e9 for s in range(4)]
    assert gb == pytest.approx([120, 31.4, 16.6, 1.9], abs=0.05)


@pytest.mark.parametrize("budget", [1, 15, 16, 17, 1000, 16 * 10**9 - 1, 16 * 10**9, 10**12 + 3])
@pytest.mark.parametrize("n", [1, 3, 7, 64])
@pytest.mark.parametrize("stage", range(4))
def test_max_params_is_the_boundary(budget, n, stage):
    psi = ref.max_params(budget, n, stage)

    def fits(k):  # exact integer test: total * n <= budget * n
        per = {0: 16 * n, 1: 4 * n + 12, 2: 2 * n + 14, 3: 16}[stage]
        return k * per <= budget * n

    assert fits(psi) and not fits(psi + 1)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_oracles_catch_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    disagree = False
    for stage in range(4):
        gpus = ledger(64, 4, stage)
        disagree |= bad.zero_memory(64, 4, stage)["total"] != sum(sum(g.values()) for g in gpus) / 4
        disagree |= bad.max_params(16 * 10**9 - 1, 3, stage) != ref.max_params(16 * 10**9 - 1, 3, stage)
    assert disagree
