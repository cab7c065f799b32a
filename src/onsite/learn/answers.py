"""Checking a typed answer to a quiz question. Lenient about form, strict about content."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from onsite.packs.models import LETTERS, QuizQuestion


class Unreadable(ValueError):
    """The response cannot be read as an answer of the question's type (not counted wrong)."""


@dataclass(frozen=True)
class Outcome:
    correct: bool
    response: str
    expected: str


def expected_text(q: QuizQuestion) -> str:
    if q.type in ("single", "multiple"):
        return ", ".join(f"{k}) {q.choices[LETTERS.index(k)]}" for k in q.correct_letters)
    if q.type == "numeric":
        return f"{q.answer:g}{' ' + q.unit if q.unit else ''}"
    return q.answer if isinstance(q.answer, str) else q.answer[0]


def check(q: QuizQuestion, response: str) -> Outcome:
    """Grade one response; raise Unreadable when it is not an answer of the right form."""
    text = response.strip()
    if not text:
        raise Unreadable("empty answer")
    if q.type in ("single", "multiple"):
        letters = _letters(text, len(q.choices))
        if q.type == "single" and len(letters) != 1:
            raise Unreadable("answer with one letter")
        correct = sorted(letters) == sorted(q.correct_letters)
        shown = ",".join(sorted(letters))
    elif q.type == "numeric":
        if q.unit.strip() == "%":  # "40%" means 40 when the question asks in percent
            text = text.removesuffix("%")
        elif q.unit and text.lower().endswith(q.unit.lower()):  # "140 GB" for a GB question
            text = text[: -len(q.unit)]
        value = parse_number(text)
        tol = q.tolerance
        correct = math.isfinite(value) and abs(value - q.answer) <= tol.abs + tol.rel * abs(q.answer)
        shown = f"{value:g}"
    else:
        accepted = [q.answer] if isinstance(q.answer, str) else q.answer
        correct = normalise(text) in {normalise(a) for a in accepted}
        shown = text
    return Outcome(correct, shown, expected_text(q))


def _letters(text: str, n: int) -> list[str]:
    picked = [c for c in re.split(r"[\s,;/]+|(?<=[A-Za-z])(?=[A-Za-z])", text.upper()) if c]
    valid = LETTERS[:n]
    if not picked or any(p not in valid for p in picked):
        raise Unreadable(f"answer with letters from {', '.join(valid)}")
    if len(set(picked)) != len(picked):
        raise Unreadable("a letter appears twice")
    return picked


NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
SCALE = {"k": 1e3, "m": 1e6, "b": 1e9, "g": 1e9, "t": 1e12}


def parse_number(text: str) -> float:
    """'1,234', '1.2e9', '2^30', '1/3', '40%' and '3.5 billion' style answers, as floats."""
    cleaned = text.strip().lower().replace(",", "").replace("_", "").replace(" ", "")
    for word, factor in (("thousand", "k"), ("million", "m"), ("billion", "b"), ("trillion", "t")):
        cleaned = cleaned.replace(word, factor)
    if "^" in cleaned:
        base, _, exponent = cleaned.partition("^")
        return parse_number(base) ** parse_number(exponent)
    if cleaned.endswith("%"):
        return parse_number(cleaned[:-1]) / 100
    if "/" in cleaned:
        top, _, bottom = cleaned.partition("/")
        denominator = parse_number(bottom)
        if denominator == 0:
            raise Unreadable(f"{text!r} divides by zero")
        return parse_number(top) / denominator
    if cleaned and cleaned[-1] in SCALE and NUMBER.match(cleaned[:-1]):
        return float(cleaned[:-1]) * SCALE[cleaned[-1]]
    if not NUMBER.match(cleaned):
        raise Unreadable(f"{text!r} is not a number")
    return float(cleaned)


def normalise(text: str) -> str:
    """Case, spacing and surrounding punctuation do not matter in exact answers."""
    for dash in ("-", "_", "\u2013", "\u2014"):  # hyphen, underscore, en and em dashes
        text = text.replace(dash, " ")
    return " ".join(text.lower().strip(" .,;:'\"`").split())
