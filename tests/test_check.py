"""`pack check` catches cases too weak to tell trivial answers from the reference."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import make_tiny_pack, make_tiny_paper_pack

from onsite.judge.local import LocalRunner
from onsite.packs import trivial
from onsite.packs.check import check_pack

WEAK_CASES = '''
import torch

from onsite.judge.cases import case


@case("{name} one")
def one(sub):
    x = torch.arange(1.0, 5.0)
    return {{"sum": sub.add({args})}}


@case("{name} two")
def two(sub):
    x = torch.arange(2.0, 9.0)
    return {{"sum": sub.add({args})}}


@case("{name} three")
def three(sub):
    x = torch.ones(3, 3)
    return {{"sum": sub.add({args})}}
'''


def weak_pack(tmp_path: Path, args: str, name: str) -> Path:
    pack = make_tiny_pack(tmp_path / name, wall_s=60.0)  # LocalRunner starts a fresh interpreter
    cases = pack / "code/tiny/add/.meta/cases.py"
    cases.write_text(WEAK_CASES.format(name=name, args=args))
    return pack


def messages(pack: Path) -> list[str]:
    return [p.message for p in check_pack(pack, LocalRunner())]


def test_the_tiny_pack_is_clean(onsite_home, tmp_path):
    assert messages(make_tiny_pack(tmp_path / "tiny", wall_s=60.0)) == []


def test_cases_whose_answers_are_all_zero_are_caught(onsite_home, tmp_path):
    found = messages(weak_pack(tmp_path, "x, -x", "zeros"))
    assert any("observables are all zeros passes every case" in m for m in found), found


def test_cases_a_returned_input_passes_are_caught(onsite_home, tmp_path):
    found = messages(weak_pack(tmp_path, "x, torch.zeros_like(x)", "echo"))
    assert any("returns its first input unchanged passes every case" in m for m in found), found


def test_constant_answers_are_caught_by_the_mean(onsite_home, tmp_path):
    # add(x, c - x) is the constant c: "the mean everywhere" reproduces it exactly.
    found = messages(weak_pack(tmp_path, "x, 5.0 - x", "constant"))
    assert any("the mean everywhere passes every case" in m for m in found), found
    assert not any("all zeros" in m for m in found)


def test_forged_values_keep_shape_and_dtype():
    values = {"x": np.arange(6, dtype=np.float32).reshape(2, 3), "n": np.array([1, 5, 9]),
              "flag": np.array([True, False]), "text": "merge", "pairs": [["a", "b"]]}
    for how in trivial.FORGES.values():
        forged = trivial.forge(values, how)
        for key in ("x", "n", "flag"):
            assert forged[key].shape == values[key].shape
            assert forged[key].dtype == values[key].dtype
        assert forged["text"] == "" and forged["pairs"] == []


def test_echo_source_defines_every_entry():
    namespace: dict = {}
    exec(trivial.echo_source(["f", "g"]), namespace)
    assert namespace["f"](3, 4) == 3 and namespace["g"](b=7) == 7


@pytest.mark.parametrize(("weight", "expected"), [
    (None, "grades its follow-up answer against this rubric"),
    ("0.5", "the weights sum to 1.25; they must sum to 1"),
    ("0.25", None),
])
def test_paper_items_need_a_rubric_whose_weights_sum_to_one(onsite_home, tmp_path, weight, expected):
    problems = check_pack(make_tiny_paper_pack(tmp_path / f"p{weight}", weight), judge=False)
    if expected is None:
        assert problems == []
    else:
        assert any(expected in p.message for p in problems), problems
        assert all(p.path.name in ("rubric.yaml",) for p in problems)
