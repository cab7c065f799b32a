"""Cross-checks for systems/chinchilla-optimal: the closed-form optimum against a numerical
minimisation of the fitted loss along 6ND = C (golden-section search on log N, plain Python),
the rule of thumb against its constraints, and the loss against the paper's figures."""

from __future__ import annotations

import math

import pytest
from itemload import item_dir, reference, wrong

ITEM = "systems/chinchilla-optimal"
ref = reference(ITEM)


def golden_min(f, lo, hi, iters=200):
    ratio = (math.sqrt(5) - 1) / 2
    a, b = lo, hi
    for _ in range(iters):
        c, d = b - ratio * (b - a), a + ratio * (b - a)
        if f(c) < f(d):
            b = d
        else:
            a = c
    return (a + b) / 2


def numeric_optimum(C, a=406.4, b=410.7, alpha=0.34, beta=0.28):
    def loss_along_budget(log_n):
        n = math.exp(log_n)
        return a / n**alpha + b / (C / (6 * n)) ** beta

    n = math.exp(golden_min(loss_along_budget, math.log(1e3), math.log(1e15)))
    return n, C / (6 * n)


CONSTS = [(406.4, 410.7, 0.34, 0.28), (300.0, 500.0, 0.3, 0.35), (100.0, 100.0, 0.5, 0.5)]


@pytest.mark.parametrize("C", [1e18, 1e20, 1e21, 5.76e23, 1e25, 3.8e25])
@pytest.mark.parametrize("consts", CONSTS)
def test_closed_form_matches_numerical_minimum(C, consts):
    n, d = ref.fit_optimal(C, *consts)
    n_num, d_num = numeric_optimum(C, *consts)
    assert n == pytest.approx(n_num, rel=1e-6)
    assert d == pytest.approx(d_num, rel=1e-6)
    assert 6 * n * d == pytest.approx(C, rel=1e-12)


@pytest.mark.parametrize("C", [1e18, 5.76e23, 1e26])
@pytest.mark.parametrize("r", [1.7, 20.0, 100.0])
def test_rule_satisfies_its_constraints(C, r):
    n, d = ref.compute_optimal(C, r)
    assert 6 * n * d == pytest.approx(C, rel=1e-12)
    assert d / n == pytest.approx(r, rel=1e-12)


def test_paper_numbers():
    n, d = ref.compute_optimal(5.76e23)
    assert n == pytest.approx(70e9, rel=0.02) and d == pytest.approx(1.4e12, rel=0.02)
    assert ref.chinchilla_loss(70e9, 1.4e12) < ref.chinchilla_loss(280e9, 300e9)
    terms = 1.69 + 406.4 / (70e9) ** 0.34 + 410.7 / (1.4e12) ** 0.28
    assert ref.chinchilla_loss(70e9, 1.4e12) == pytest.approx(terms, rel=1e-14)


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_oracles_catch_each_wrong_variant(name):
    bad = wrong(ITEM, name)
    C = 1e22
    n, d = bad.compute_optimal(C)
    disagree = not (6 * n * d == pytest.approx(C) and d / n == pytest.approx(20.0))
    n_num, _ = numeric_optimum(C)
    disagree |= bad.fit_optimal(C)[0] != pytest.approx(n_num, rel=1e-4)
    disagree |= bad.chinchilla_loss(1e9, 1e11) != pytest.approx(
        1.69 + 406.4 / 1e9**0.34 + 410.7 / 1e11**0.28, rel=1e-12)
    assert disagree
