"""Units of the trusted side: the wire format, the comparison and the static check."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onsite.judge.cases import Case
from onsite.judge.compare import compare_one, compare_values
from onsite.judge.observables import CaseResult, decode_stream, encode_frame
from onsite.judge.static import forbidden_uses


def test_frames_round_trip_arrays_and_json():
    values = {"a": np.arange(6, dtype=np.float32).reshape(2, 3), "n": 3, "s": ["x", 1.5],
              "b": np.array([True, False])}
    blob = encode_frame(CaseResult("c1", "ok", "", 1.0, values)) + encode_frame(
        CaseResult("c2", "error", "boom"))
    results, problem = decode_stream(blob)
    assert problem is None and [r.case for r in results] == ["c1", "c2"]
    got = results[0].values
    assert got["a"].dtype == np.float32 and got["a"].tolist() == values["a"].tolist()
    assert got["n"] == 3 and got["s"] == ["x", 1.5] and got["b"].tolist() == [True, False]


def test_truncated_stream_keeps_complete_frames():
    blob = encode_frame(CaseResult("c1", "ok", values={"x": 1})) + encode_frame(
        CaseResult("c2", "ok", values={"y": np.zeros(100)}))
    results, problem = decode_stream(blob[:-10])
    assert [r.case for r in results] == ["c1"] and "truncated" in problem


@given(st.binary(max_size=400))
@settings(max_examples=300, deadline=None)
def test_garbage_never_crashes_the_parser(blob):
    results, problem = decode_stream(blob)
    assert isinstance(results, list)
    assert problem is None or isinstance(problem, str)


def test_object_arrays_are_refused_by_the_encoder():
    with pytest.raises(TypeError):
        encode_frame(CaseResult("c", "ok", values={"x": np.array([object()])}))


def test_comparison_messages_say_what_differs():
    case = Case("c", lambda s: {}, atol=1e-6, rtol=0)
    want = {"x": np.zeros((2, 3))}
    assert compare_values(want, {"x": np.zeros((2, 3))}, case) is None
    assert "shape (3, 2), expected (2, 3)" in compare_values(want, {"x": np.zeros((3, 2))}, case)
    off = np.zeros((2, 3))
    off[1, 2] = 0.5
    assert "at [1, 2]" in compare_values(want, {"x": off}, case)
    assert "missing" in compare_values(want, {}, case)
    assert "NaN" in compare_one(np.zeros(2), np.array([0, np.nan]), 1, 1, False)
    assert compare_one(np.array([np.inf]), np.array([np.inf]), 0, 0, False) is None
    assert "differ" in compare_one(np.array([1, 2]), np.array([1, 3]), 10, 10, False)
    assert "dtype float32" in compare_one(np.zeros(2), np.zeros(2, np.float32), 1, 1, True)
    assert compare_one("abc", "abd", 0, 0, False) is not None


@pytest.mark.parametrize("source", [
    "import torch.nn.functional as F\nF.scaled_dot_product_attention(q, k, v)",
    "from torch.nn.functional import scaled_dot_product_attention as s\ns(q, k, v)",
    "import torch\ntorch.nn.functional.scaled_dot_product_attention(q, k, v)",
    "import torch.nn.functional as F\ngetattr(F, 'scaled_dot_product_attention')(q)",
    "import torch.nn as nn\nm = nn.MultiheadAttention(8, 2)",
])
def test_static_check_sees_through_aliases(source):
    forbidden = ["torch.nn.functional.scaled_dot_product_attention", "torch.nn.MultiheadAttention"]
    assert forbidden_uses(source, forbidden)


@pytest.mark.parametrize("want,got", [(False, True), (22, 57), (1.0, 2.0),
                                      (np.float64(1.0), np.float64(3.0))])
def test_bare_scalars_can_fail(want, got):
    assert compare_one(want, got, 0.0, 0.0, False) is not None
    assert compare_one(want, want, 0.0, 0.0, False) is None


def test_static_check_ignores_prose_in_strings():
    source = '"""Apply one AdamW update, like torch.optim.AdamW would."""\nx = "adam"\n'
    assert forbidden_uses(source, ["torch.optim.AdamW"]) == []


def test_static_check_allows_clean_code():
    source = "import torch\ndef f(q, k):\n    return torch.softmax(q @ k.T, -1)\n"
    assert forbidden_uses(source, ["torch.nn.functional.scaled_dot_product_attention"]) == []
