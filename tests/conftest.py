"""Shared fixtures: an isolated ONSITE_HOME and a tiny pack made on the fly."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    # Cross-checks run two to a machine under xdist: one torch thread each keeps them from
    # fighting. (A second conftest.py under tests/content would shadow this module for the
    # tests that import helpers from it, so the setting lives here.)
    import torch

    torch.set_num_threads(1)


SECRET_MARKER = "REFERENCE-SECRET-7f3a9c"

TINY_CASES = '''
import torch

from onsite.judge.cases import case


def pair(seed, n=4):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, generator=g), torch.randn(n, generator=g)


@case("small vectors")
def small(sub):
    return {"sum": sub.add(*pair(0))}


@case("longer vectors")
def longer(sub):
    return {"sum": sub.add(*pair(1, n=64))}


@case("float64 vectors", strict_dtype=True)
def doubles(sub):
    a, b = pair(2)
    return {"sum": sub.add(a.double(), b.double())}
'''


def make_tiny_pack(root: Path, wall_s: float = 4.0) -> Path:
    """A pack with one item, `tiny/add`, whose reference carries a secret marker."""
    item = root / "code" / "tiny" / "add"
    (item / ".meta" / "wrong").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: tiny\ntitle: Tiny test pack\n")
    (item / "item.yaml").write_text(textwrap.dedent(f"""\
        id: tiny/add
        kind: code
        title: Add two tensors
        family: numerics
        topics: [calculus]
        difficulty: easy
        minutes: 5
        entry: [add]
        forbidden: [torch.add]
        limits: {{wall_s: {wall_s}, cpu_s: 4, memory_mb: 512}}
        """))
    (item / "prompt.md").write_text("# Add\n\nReturn `a + b`.\n")
    (item / "starter.py").write_text("def add(a, b):\n    raise NotImplementedError\n")
    (item / "hints.md").write_text("## Hint 1\n\nUse +.\n\n## Hint 2\n\nReally, `a + b`.\n")
    (item / ".meta" / "solution.py").write_text(
        f'SECRET = "{SECRET_MARKER}"\n\n\ndef add(a, b):\n    return a + b\n')
    (item / ".meta" / "cases.py").write_text(TINY_CASES)
    (item / ".meta" / "explain.md").write_text("# Why\n\nAddition is elementwise.\n")
    for name, body in {
        "minus": "a - b", "first_only": "a", "float32_always": "(a + b).float()",
    }.items():
        (item / ".meta" / "wrong" / f"{name}.py").write_text(
            f'"""A wrong variant: {name}."""\n\n\ndef add(a, b):\n    return {body}\n')
    return root


TINY_RUBRIC = textwrap.dedent("""\
    question: What experiment would you run first, and what would change your mind?
    points:
      - {id: baseline, weight: 0.25, text: Compares with the unmodified baseline at equal compute.}
      - {id: metric, weight: 0.25, text: Names the metric and the evaluation set in advance.}
      - {id: ablation, weight: 0.25, text: Ablates the one new component and nothing else.}
      - {id: falsify, weight: WEIGHT, text: States the outcome that would falsify the claim.}
    model_answer: >-
      Train the baseline and the variant at the same size and budget, three seeds each, and
      compare validation loss; a gap inside the seed spread would change my mind.
    """)


def make_tiny_paper_pack(root: Path, weight: str | None = "0.25") -> Path:
    """The tiny pack with its item turned into a paper item (rubric weight as given)."""
    pack = make_tiny_pack(root)
    paper = pack / "paper/tiny/add"
    paper.parent.mkdir(parents=True)
    (pack / "code/tiny/add").rename(paper)
    meta = paper / "item.yaml"
    meta.write_text(meta.read_text().replace("kind: code", "kind: paper"))
    if weight is not None:
        (paper / ".meta/rubric.yaml").write_text(TINY_RUBRIC.replace("WEIGHT", weight))
    return pack


@pytest.fixture
def onsite_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("ONSITE_HOME", str(home))
    monkeypatch.delenv("ONSITE_DATABASE_URL", raising=False)
    monkeypatch.delenv("ONSITE_PACKS", raising=False)
    from onsite.sessions.catalog import catalog
    from onsite.sessions.mock import loops
    from onsite.store.db import engine

    for cached in (catalog, loops, engine):
        cached.cache_clear()
    yield home
    for cached in (catalog, loops, engine):
        cached.cache_clear()


@pytest.fixture
def tiny_pack(tmp_path, monkeypatch) -> Path:
    pack = make_tiny_pack(tmp_path / "tinypack")
    monkeypatch.setenv("ONSITE_PACKS", str(pack))
    from onsite.sessions.catalog import catalog

    catalog.cache_clear()
    return pack


def namespaces_available() -> bool:
    return os.geteuid() == 0 or Path("/proc/sys/kernel/unprivileged_userns_clone").exists()


def make_quiz_pack(root: Path, topic: str = "precision", n: int = 12) -> Path:
    """A pack of n quiz questions on one topic whose answers a test can compute.

    Question k asks for k squared: single choice (answer letter rotates), every third
    one numeric, the last one exact ("square").
    """
    import yaml

    questions = []
    for k in range(1, n + 1):
        difficulty = ("easy", "medium", "hard")[k % 3]
        if k == n:
            questions.append({"id": "name-of-power-two", "type": "exact", "difficulty": "easy",
                              "question": "What do you call x to the power two?",
                              "answer": ["square", "the square"],
                              "explanation": "x to the power two is x squared: its square."})
        elif k % 3 == 0:
            questions.append({"id": f"square-{k}", "type": "numeric", "difficulty": difficulty,
                              "question": f"What is {k} squared?", "answer": k * k,
                              "tolerance": {"abs": 0.5},
                              "explanation": f"{k} times {k} is {k * k}, by definition."})
        else:
            right = k % 4
            choices = [str(k * k + (i - right)) for i in range(4)]
            questions.append({"id": f"square-{k}", "type": "single", "difficulty": difficulty,
                              "question": f"Which number is {k} squared?", "choices": choices,
                              "answer": "ABCD"[right],
                              "explanation": f"{k} times {k} is {k * k}; the others are off by one."})
    (root / "quiz" / topic).mkdir(parents=True)
    (root / "pack.yaml").write_text("name: quizpack\ntitle: Quiz test pack\n")
    (root / "quiz" / topic / "squares.yaml").write_text(
        yaml.safe_dump({"topic": topic, "questions": questions}, sort_keys=False))
    return root


def right_answer(item) -> str:
    """The correct response to a question from make_quiz_pack (or any quiz item)."""
    q = item.quiz
    if q.type in ("single", "multiple"):
        return ",".join(q.correct_letters)
    if q.type == "numeric":
        return f"{q.answer:g}"
    return q.answer if isinstance(q.answer, str) else q.answer[0]


def wrong_answer(item) -> str:
    """A readable but wrong response to a quiz question."""
    q = item.quiz
    if q.type in ("single", "multiple"):
        return next(x for x in "ABCDEFGH" if x not in q.correct_letters)
    if q.type == "numeric":
        return f"{q.answer * 3 + 7:g}"
    return "certainly not this"


LEVEL_CASES = {
    1: '''from onsite.judge.cases import case


@case("counts add up")
def adds(sub):
    c = sub.Counter()
    c.add("a", 2)
    c.add("a", 3)
    return {"a": c.get("a"), "missing": c.get("zzz")}


@case("keys are independent")
def independent(sub):
    c = sub.Counter()
    c.add("a", 1)
    c.add("b", 7)
    return {"a": c.get("a"), "b": c.get("b")}


@case("negative amounts")
def negative(sub):
    c = sub.Counter()
    c.add("x", -4)
    return {"x": c.get("x")}
''',
    2: '''from onsite.judge.cases import case


@case("top keys by count, ties by name")
def top(sub):
    c = sub.Counter()
    for key, n in [("b", 2), ("a", 2), ("c", 5), ("d", 1)]:
        c.add(key, n)
    return {"top": c.top(3)}


@case("top of an empty counter")
def empty(sub):
    return {"top": sub.Counter().top(2)}


@case("top with k larger than the keys")
def large_k(sub):
    c = sub.Counter()
    c.add("q", 1)
    return {"top": c.top(10)}
''',
}

LEVEL_ONE = '''class Counter:
    def __init__(self):
        self.counts = {}

    def add(self, key, n):
        self.counts[key] = self.counts.get(key, 0) + n

    def get(self, key):
        return self.counts.get(key, 0)
'''

LEVEL_TWO = LEVEL_ONE + '''
    def top(self, k):
        ranked = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return [key for key, _ in ranked[:k]]
'''


def make_tiny_levels_pack(root: Path) -> Path:
    """A pack with one levels item, `tiny/counter`: counts (level 1), then top-k (level 2)."""
    item = root / "levels" / "tiny" / "counter"
    for k in (1, 2):
        (item / ".meta" / "levels" / str(k)).mkdir(parents=True)
        (item / ".meta" / "levels" / str(k) / "cases.py").write_text(LEVEL_CASES[k])
        (item / f"level{k}.md").write_text(f"# Level {k}\n\nSpec of level {k}.\n")
    (root / "pack.yaml").write_text("name: tinylevels\ntitle: Tiny levels pack\n")
    (item / "item.yaml").write_text(textwrap.dedent("""\
        id: tiny/counter
        kind: levels
        title: A counter, level by level
        topics: [mlops]
        difficulty: hard
        minutes: 90
        entry: [Counter]
        levels: 2
        """))
    (item / "prompt.md").write_text("# Counter\n\nA counter revealed in two levels.\n")
    (item / "starter.py").write_text("class Counter:\n    def add(self, key, n):\n"
                                     "        raise NotImplementedError\n")
    (item / "hints.md").write_text("## Hint 1\n\nA dict.\n\n## Hint 2\n\nSort by (-count, key).\n")
    (item / ".meta" / "solution.py").write_text(LEVEL_TWO)
    (item / ".meta" / "levels" / "1" / "solution.py").write_text(LEVEL_ONE)
    (item / ".meta" / "explain.md").write_text("# Design\n\nKeep the counts in a dict.\n")
    return root
