"""pydantic models for the files of a pack (see docs/packs.md)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ITEM_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)+$")
DOTTED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")

Kind = Literal["code", "paper", "debug", "quiz", "open", "levels"]
Difficulty = Literal["easy", "medium", "hard"]
Company = Literal["openai", "anthropic", "deepmind"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PackMeta(Strict):
    """pack.yaml"""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    description: str = ""


class Limits(Strict):
    """Resource limits for one judged run of the item's cases."""

    wall_s: float = Field(default=20.0, gt=0, le=300)
    cpu_s: int = Field(default=20, gt=0, le=300)
    memory_mb: int = Field(default=1024, ge=64, le=16384)


class DebugSpec(Strict):
    """How a debug item's repaired script is judged: a metric on held-out data."""

    metric: Literal["accuracy", "mse", "mae"]
    # the worst of the reference fix over every seed, with a margin (pack check proves it)
    threshold: float
    seeds: list[int] = Field(default=[0, 1, 2, 3, 4], min_length=1)


class ItemMeta(Strict):
    """item.yaml: what every item declares."""

    id: str
    kind: Kind
    title: str = Field(min_length=3, max_length=100)
    family: str | None = None
    topics: list[str] = Field(min_length=1)
    difficulty: Difficulty
    minutes: int = Field(gt=0, le=240)
    companies: list[Company] = []
    # code items: the names the submission must define, and what it may not call
    entry: list[str] = []
    forbidden: list[str] = []
    limits: Limits = Limits()
    # where the item comes from: "Vaswani et al. 2017, Attention Is All You Need, section 3.2.1"
    references: list[str] = []
    debug: DebugSpec | None = None
    # levels items: how many levels the spec is revealed in
    levels: int | None = Field(default=None, ge=2, le=6)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not ITEM_ID.match(value):
            raise ValueError("ids are lowercase words joined by '-', in '/'-separated parts, "
                             "like 'attention/scaled-dot-product'")
        return value

    @field_validator("forbidden")
    @classmethod
    def _dotted(cls, value: list[str]) -> list[str]:
        for name in value:
            if not DOTTED.match(name):
                raise ValueError(f"{name!r} is not a dotted name like 'torch.nn.MultiheadAttention'")
        return value


class RubricPoint(Strict):
    """One key point a good answer makes, with its share of the grade."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    text: str = Field(min_length=10)
    weight: float = Field(gt=0, le=1)


class Levels(Strict):
    """What answers at each hiring signal look like, in a sentence or two each."""

    strong: str
    lean: str
    no: str


class Rubric(Strict):
    """.meta/rubric.yaml: how a written answer is graded (open items, paper follow-ups)."""

    question: str = Field(min_length=10)
    points: list[RubricPoint] = Field(min_length=4, max_length=8)
    model_answer: str = Field(min_length=50)
    levels: Levels | None = None
    pitfalls: list[str] = []

    @field_validator("levels", mode="before")
    @classmethod
    def _yaml_no(cls, value):
        # YAML 1.1 reads an unquoted `no:` key as the boolean false.
        if isinstance(value, dict) and False in value:
            value = {("no" if k is False else k): v for k, v in value.items()}
        return value

    @field_validator("points")
    @classmethod
    def _weights(cls, value: list[RubricPoint]) -> list[RubricPoint]:
        total = sum(p.weight for p in value)
        if abs(total - 1.0) > 1e-6:
            raise ValueError(f"the weights sum to {total:g}; they must sum to 1")
        ids = [p.id for p in value]
        if len(set(ids)) != len(ids):
            raise ValueError("point ids must be unique")
        return value


QuizType = Literal["single", "multiple", "numeric", "exact"]
LETTERS = "ABCDEFGH"


class Tolerance(Strict):
    """A numeric answer is right when |got - want| <= abs + rel * |want|."""

    abs: float = Field(default=0.0, ge=0)
    rel: float = Field(default=0.0, ge=0)

    @model_validator(mode="after")
    def _some(self) -> Tolerance:
        if self.abs == 0 and self.rel == 0:
            raise ValueError("give abs or rel (or both): a numeric answer needs a tolerance")
        return self


class IrtParams(Strict):
    """Item response theory parameters; defaults come from the authored difficulty."""

    a: float = Field(default=1.0, gt=0, le=4)
    b: float = Field(default=0.0, ge=-4, le=4)
    c: float = Field(default=0.0, ge=0, lt=1)


class QuizQuestion(Strict):
    """One question in a quiz file (quiz/<topic>/<name>.yaml)."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    type: QuizType
    difficulty: Difficulty
    question: str = Field(min_length=10)
    # single/multiple: the options, answered by letter (A, B, ...); answer: "B" or [A, C]
    choices: list[str] = []
    # numeric: a number; exact: one accepted answer or a list of them
    answer: str | float | list[str]
    tolerance: Tolerance | None = None
    unit: str = ""
    explanation: str = Field(min_length=20)
    topics: list[str] = []
    companies: list[Company] = []
    irt: IrtParams | None = None

    @field_validator("answer", mode="before")
    @classmethod
    def _yaml_numbers(cls, value, info):
        # YAML reads `answer: 8` as an int: a number for numeric questions, text for exact
        # ones; and it reads `8.4e22` (no sign in the exponent) as text.
        if isinstance(value, str) and info.data.get("type") == "numeric":
            try:
                return float(value)
            except ValueError:
                return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value) if info.data.get("type") == "numeric" else str(value)
        if isinstance(value, list) and info.data.get("type") == "exact":
            return [str(v) for v in value]
        return value

    def model_post_init(self, _context) -> None:
        problem = self._shape_problem()
        if problem:
            raise ValueError(problem)

    def _shape_problem(self) -> str | None:
        letters = LETTERS[: len(self.choices)]
        if self.type in ("single", "multiple"):
            if not 2 <= len(self.choices) <= len(LETTERS):
                return f"a {self.type}-choice question has 2 to {len(LETTERS)} choices"
            if len(set(self.choices)) != len(self.choices):
                return "two choices have the same text"
            keys = [self.answer] if isinstance(self.answer, str) else self.answer
            if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
                return "answer the choices by letter: answer: B, or answer: [A, C]"
            if any(k not in letters for k in keys):
                return f"answer {keys} names a letter outside the choices {list(letters)}"
            if len(set(keys)) != len(keys):
                return "a letter appears twice in the answer"
            if self.type == "single" and (len(keys) != 1 or not isinstance(self.answer, str)):
                return "a single-choice question has exactly one answer letter"
            if self.type == "multiple" and not 1 <= len(keys) < len(self.choices):
                return "a multiple-choice answer lists at least one letter and not all of them"
        elif self.type == "numeric":
            if not isinstance(self.answer, float):
                return "a numeric question's answer is a number"
            if self.tolerance is None:
                return "a numeric question needs a tolerance: {abs: ..., rel: ...}"
            if self.choices:
                return "a numeric question has no choices"
        else:
            accepted = [self.answer] if isinstance(self.answer, str) else self.answer
            if not isinstance(accepted, list) or not all(isinstance(a, str) and a.strip()
                                                         for a in accepted):
                return "an exact question's answer is a string or a list of accepted strings"
            if self.choices:
                return "an exact question has no choices"
        return None

    @property
    def correct_letters(self) -> list[str]:
        return [self.answer] if isinstance(self.answer, str) else list(self.answer)


class QuizFile(Strict):
    """quiz/<topic>/<name>.yaml: questions on one topic, reviewable as one document."""

    topic: str
    questions: list[QuizQuestion] = Field(min_length=1)


class AssessQuestion(Strict):
    """One self-assessment statement, rated 1-5 or answered yes/no."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    group: str
    text: str = Field(min_length=10)
    # what a 1, a 3 and a 5 look like, so ratings mean the same thing to everyone
    anchors: dict[int, str] = {}
    # topics, families or item kinds whose measured results speak to this skill
    evidence: list[str] = []


class Band(Strict):
    min: int = Field(ge=0)
    label: str
    advice: str


class AssessmentSpec(Strict):
    """assess/<id>.yaml: a readiness self-assessment."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str
    intro: str
    scale: Literal["rating", "yes-no"]
    points: int = Field(default=5, gt=0)
    questions: list[AssessQuestion] = Field(min_length=1)
    bands: list[Band] = []

    @model_validator(mode="after")
    def _consistent(self) -> AssessmentSpec:
        ids = [q.id for q in self.questions]
        if len(set(ids)) != len(ids):
            raise ValueError("question ids must be unique")
        mins = [b.min for b in self.bands]
        if self.bands and (mins != sorted(mins, reverse=True) or mins[-1] != 0):
            raise ValueError("list bands from the highest minimum down to a last band with min 0")
        if self.bands and mins[0] > self.max_score:
            raise ValueError(f"a band starts at {mins[0]}, above the maximum score {self.max_score}")
        return self

    @property
    def max_score(self) -> int:
        return len(self.questions) * (5 if self.scale == "rating" else self.points)


class Bug(Strict):
    """One planted bug of a debug item (.meta/bugs.yaml)."""

    line: int = Field(gt=0)
    bug_class: str = Field(alias="class")
    explain: str = Field(min_length=10)


class BugsFile(Strict):
    bugs: list[Bug] = Field(min_length=1)


RoundKind = Literal["code", "paper", "debug", "quiz", "open", "levels"]


class RoundPick(Strict):
    """How a mock round chooses its items: filters over the pack, or a fixed shortlist."""

    topics: list[str] = []        # an item qualifies when it has any of these topics
    families: list[str] = []
    difficulty: list[Difficulty] = []
    items: list[str] = []         # a shortlist of ids; filters then apply within it
    under: list[str] = []         # id prefixes, like "safety/" for the safety questions
    count: int = Field(default=1, ge=1, le=40)


class MockRound(Strict):
    """One round of a mock loop."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=3, max_length=80)
    kind: RoundKind
    minutes: int = Field(gt=0, le=180)
    # what the interviewer says as the round opens: the format and what is looked for
    brief: str = Field(min_length=20)
    pick: RoundPick = RoundPick()
    # a gate round decides the loop on its own: No Hire there is No Hire overall
    gate: bool = False

    @model_validator(mode="after")
    def _one_item_unless_quiz(self) -> MockRound:
        if self.kind != "quiz" and self.pick.count != 1:
            raise ValueError(f"a {self.kind} round asks one item; only quiz rounds take a count")
        return self


class LoopSpec(Strict):
    """mock/<id>.yaml: a mock interview loop shaped like one lab's."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str
    company: Company | None = None    # None: a loop for any company
    role: Literal["re", "rs"] = "re"
    quick: bool = False
    intro: str = Field(min_length=20)
    rounds: list[MockRound] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_rounds(self) -> LoopSpec:
        ids = [r.id for r in self.rounds]
        if len(set(ids)) != len(ids):
            raise ValueError("round ids must be unique within a loop")
        return self

    @property
    def minutes(self) -> int:
        return sum(r.minutes for r in self.rounds)
