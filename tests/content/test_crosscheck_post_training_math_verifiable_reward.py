"""Cross-check post-training/math-verifiable-reward against an oracle written differently: boxes
from a whole-text brace-matching stack, numbers canonicalised with decimal.Decimal and math.gcd,
on a table of known answers and on randomly assembled completions."""

import math
import random
import re
from decimal import Decimal

import pytest
from itemload import reference, wrong

ITEM = "post-training/math-verifiable-reward"
ref = reference(ITEM)


def oracle_extract(text):
    partner = {}
    stack = []
    for i, ch in enumerate(text):
        if ch == "{":
            stack.append(i)
        elif ch == "}" and stack:
            partner[stack.pop()] = i
    last = None
    for m in re.finditer(re.escape("\\boxed{"), text):
        brace = m.end() - 1
        if brace in partner:
            last = text[brace + 1:partner[brace]].strip()
    if last is not None:
        return last
    tokens = re.findall(r"-?\d[\d,]*(?:\.\d+)?", text)
    return tokens[-1].rstrip(",") if tokens else None


def canonical(num, den):
    g = math.gcd(num, den)
    num, den = num // g, den // g
    if den < 0:
        num, den = -num, -den
    return str(num) if den == 1 else f"{num}/{den}"


def oracle_normalize(s):
    s = "".join(ch for ch in s if not ch.isspace()).replace("$", "").replace("\\!", "")
    if s.endswith("\\%"):
        s = s[:-2]
    elif s.endswith("%"):
        s = s[:-1]
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", s):
        s = s.replace(",", "")
    if re.fullmatch(r"-?(\d+\.?\d*|\.\d+)", s):
        return canonical(*Decimal(s).as_integer_ratio())
    m = re.fullmatch(r"(-?)(?:(\d+)/(\d+)|\\[dt]?frac\{(\d+)\}\{(\d+)\})", s)
    if m:
        num = int(m.group(2) or m.group(4))
        den = int(m.group(3) or m.group(5))
        if den != 0:
            return canonical(-num if m.group(1) else num, den)
    return s


def oracle_reward(completion, truth, weight):
    pred = oracle_extract(completion)
    ok = pred is not None and oracle_normalize(pred) == oracle_normalize(truth)
    has_box = oracle_extract_box_exists(completion)
    return (1.0 if ok else 0.0) + (weight if has_box else 0.0)


def oracle_extract_box_exists(text):
    depth_ok = False
    for m in re.finditer(re.escape("\\boxed{"), text):
        depth = 0
        for ch in text[m.end() - 1:]:
            depth += (ch == "{") - (ch == "}")
            if depth == 0:
                depth_ok = True
                break
    return depth_ok


KNOWN = [
    (r"x = \boxed{\frac{1}{2}} then \boxed{3", r"\frac{1}{2}"),
    ("We get 12 apples, then 1,250 pears.", "1,250"),
    ("nothing", None),
    (r"\boxed{a{b}c} and \boxed{d}", "d"),
]
NORMAL = [(" $3.50$ ", "7/2"), ("1,250", "1250"), (r"\dfrac{4}{6}", "2/3"), ("x+1", "x+1"), ("2.0", "2"),
          ("-0", "0"), ("1,2", "1,2"), ("50%", "50"), ("1/0", "1/0"), (r"-\frac{3}{6}", "-1/2")]


@pytest.mark.parametrize("text,want", KNOWN)
def test_known_extractions(text, want):
    assert ref.extract_answer(text) == want == oracle_extract(text)


@pytest.mark.parametrize("raw,want", NORMAL)
def test_known_normalisations(raw, want):
    assert ref.normalize_answer(raw) == want == oracle_normalize(raw)


PIECES = ["\\boxed{", "{", "}", "\\frac{", "1", "23", ",", "4,567", ".", "0.50", "-", "7", " ", "x", "$", "%",
          "\\%", "/", "12/8", "\\dfrac{6}{4}", "the answer is ", "\\!", "\n", "1,000,000", "3.", ".25"]


@pytest.mark.parametrize("seed", range(40))
def test_random_completions_agree(seed):
    rng = random.Random(seed)
    for _ in range(50):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        truth = "".join(rng.choice(PIECES[4:]) for _ in range(rng.randint(1, 4)))
        assert ref.extract_answer(text) == oracle_extract(text), text
        assert ref.normalize_answer(text) == oracle_normalize(text), text
        for w in (0.0, 0.25):
            assert ref.math_reward(text, truth, w) == oracle_reward(text, truth, w), (text, truth)


@pytest.mark.parametrize("name", ["first_box", "regex_box", "no_number_fallback", "first_number",
                                  "float_compare", "all_commas_removed", "percent_kept",
                                  "format_bonus_without_box"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    probes = [(r"\boxed{1} then \boxed{\frac{1}{2}}", "1/2"), ("got 3 then 4", "4"),
              (r"\boxed{0.3333333}", "1/3"), (r"\boxed{1,2}", "12"), (r"\boxed{50\%}", "50"),
              ("the answer is 9", "9")]
    assert any(bad.math_reward(c, t, 0.5) != oracle_reward(c, t, 0.5) for c, t in probes)
