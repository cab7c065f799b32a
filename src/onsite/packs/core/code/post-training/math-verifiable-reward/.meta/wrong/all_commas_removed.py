"""Removes every comma, so 1,2 becomes 12."""
import re
from fractions import Fraction

BOX = "\\boxed{"
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")
DECIMAL = re.compile(r"-?(\d+\.?\d*|\.\d+)")
SLASH = re.compile(r"(-?)(\d+)/(\d+)")
LATEX_FRAC = re.compile(r"(-?)\\(?:d|t)?frac\{(\d+)\}\{(\d+)\}")


def _boxed_contents(text: str) -> list[str]:
    """Contents of every complete \\boxed{...}, in order, with nested braces balanced."""
    found = []
    start = text.find(BOX)
    while start != -1:
        depth, i = 1, start + len(BOX)
        while i < len(text) and depth > 0:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        if depth == 0:  # closed: the content ends just before the closing brace
            found.append(text[start + len(BOX):i - 1])
        start = text.find(BOX, start + 1)
    return found


def extract_answer(text: str) -> str | None:
    boxed = _boxed_contents(text)
    if boxed:
        return boxed[-1].strip()  # the last complete box is the final answer
    numbers = NUMBER.findall(text)
    if numbers:
        return numbers[-1].rstrip(",")  # "... is 1,000," -> "1,000"
    return None


def _as_fraction(s: str) -> Fraction | None:
    if DECIMAL.fullmatch(s):
        return Fraction(s)  # exact: Fraction("3.50") == 7/2, no float rounding
    for pattern in (SLASH, LATEX_FRAC):
        m = pattern.fullmatch(s)
        if m and int(m.group(3)) != 0:
            value = Fraction(int(m.group(2)), int(m.group(3)))
            return -value if m.group(1) else value
    return None


def normalize_answer(answer: str) -> str:
    s = re.sub(r"\s+", "", answer).replace("$", "").replace("\\!", "")
    for suffix in ("\\%", "%"):  # a percentage is compared by its number
        if s.endswith(suffix):
            s = s[: -len(suffix)]
            break
    s = s.replace(",", "")
    value = _as_fraction(s)
    return str(value) if value is not None else s


def math_reward(completion: str, ground_truth: str, format_weight: float = 0.0) -> float:
    predicted = extract_answer(completion)
    correct = predicted is not None and normalize_answer(predicted) == normalize_answer(ground_truth)
    # The format bonus rewards committing to a boxed final answer, right or wrong.
    boxed = bool(_boxed_contents(completion))
    return float(correct) + (format_weight if boxed else 0.0)
