"""Grade a written answer against a rubric, one key point at a time.

Whole-answer similarity only measures whether an answer is on topic, so each rubric point
is matched to the single unit of the answer (a sentence, or a clause of a long one) that
makes it best. What counts as evidence is filtered first, because the tricks that fool an
embedding model are known: bare keyword lists, keywords padded with filler, the question
copied back, and sentences that deny the very point they mention.

The numbers that turn similarity into credit and credit into a hiring signal live in
``calibration.json``; ``python -m onsite.bench grader --fit`` refits them on the
hand-graded answers and prints how well the grader agrees with them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib import resources

import numpy as np

from onsite.grade.embed import Embedder, minilm
from onsite.grade.topics import Placement, Topics
from onsite.packs.models import Rubric

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])|\n\s*\n|\n\s*(?:[-*•]|\d+[.)])\s+")
_CLAUSE = re.compile(r";\s+|\s+[—–]\s+|:\s+|,\s+(?=(?:and|but|so|which|because|while|whereas)\b)")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s*")

# Words that glue a sentence together. Real prose is a third to a half function words;
# a list of key terms has almost none.
FUNCTION_WORDS = frozenset("""
a an the this that these those it its is are was were be been being am do does did
done has have had having can could will would shall should may might must of in on
at by for with from to into onto over under about as than then so because since
while when where which who whom whose what how why if unless until though although
whereas and or but nor not no yes we i you he she they them our your their my me us
there here also only just more most less least very too each every all any some
such both either neither one per via up out off down again once whether instead
""".split())

# Negation cues: an answer that says "there is no need for a KL term" mentions the KL
# term as much as one that argues for it.
NEGATION = re.compile(
    r"\b(?:not|no|never|none|nothing|neither|nor|without|cannot|can['’]t|don['’]t|"
    r"doesn['’]t|didn['’]t|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|won['’]t|wouldn['’]t|"
    r"couldn['’]t|shouldn['’]t|needn['’]t|hasn['’]t|haven['’]t|"
    r"unnecessary|needless|pointless|irrelevant|overkill|redundant|overrated|outdated|"
    r"skip|skips|skipped|skipping|avoid|avoids|avoided|useless|wasted|waste)\b", re.I)

# Filler that pads keywords into sentence shape without saying anything about them.
FILLER = re.compile(
    r"\b(?:it is (?:important|crucial|essential|key|vital|worth) to (?:consider|think about|"
    r"mention|note|remember|keep in mind)|(?:plays?|play) an? (?:important|key|crucial) role|"
    r"(?:is|are) (?:very )?(?:important|crucial|essential|key)|we (?:should|must|need to) "
    r"(?:consider|think about|keep in mind)|there are (?:many|several|various) (?:things|"
    r"aspects|factors|trade-?offs|considerations)|(?:various|many) (?:aspects|factors|"
    r"considerations)|at the end of the day|all things considered|"
    # the predicates that turn a list of terms into sentences: "X, Y and Z are relevant"
    r"(?:is|are) (?:also |all )?(?:relevant|key concerns?|considerations?|part of)|"
    r"should (?:all )?be (?:considered|discussed|thought about)|"
    r"(?:is|are) (?:a |also a )?(?:consideration|concern)s?|matters?)\b", re.I)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


FEATURES = ("similarity", "runner-up similarity", "best evidence denies", "denied similarity",
            "similarity if denied", "evidence list density", "evidence function words",
            "evidence filler", "answer function words", "answer list density", "answer length",
            "answer on the question", "answer coverage", "anchor similarity",
            "best anchor similarity", "lexical overlap")


# The second stage reads the answer as a whole and asks, once per known way of gaming a
# similarity grader, whether the answer looks like it. Each check is its own logistic
# model, fitted on the answers of that kind: one boundary for all of them was measured to
# let a bare bullet list through, because keyword lists and fluent denials sit on opposite
# sides of every style feature.
GATE_FEATURES = ("answer function words", "answer list density", "filler per unit",
                 "copied share", "answer on the question", "answer coverage",
                 "denied share", "negations per word", "first-stage score")
TOPIC_FEATURES = ("topic margin below zero", "topic margin", "closer to another question",
                  "answer coverage", "answer on the question")
CHECKS = {"keyword list": GATE_FEATURES, "denial": GATE_FEATURES,
          "off topic": TOPIC_FEATURES}

GAMING = 0.5

# What a learner is told when a check caps their grade.
DOUBT_NOTES = {
    "keyword list": "reads like a list of the key terms rather than an answer that relates them",
    "denial": "argues against the very points it names",
    "off topic": "reads closer to another question in the pack than to this one",
}


@dataclass(frozen=True)
class Check:
    """One second-stage check: a logistic model of "this answer games the grader this way"."""

    name: str
    weights: tuple[float, ...]
    bias: float


@dataclass(frozen=True)
class Calibration:
    """How evidence becomes credit, and credit a hiring signal (fitted on hand grades).

    A point's credit is a logistic function of the features in ``FEATURES``; the weights
    are fitted to the hand credits of the evaluation set (``python -m onsite.bench grader
    --fit``), the level cut-offs to its hand levels.
    """

    # Until fitted: similarity alone, full credit from about 0.65.
    weights: tuple[float, ...] = (12.0,) + (0.0,) * (len(FEATURES) - 1)
    bias: float = -7.0
    lean: float = 0.35        # score thresholds for the hiring signal
    strong: float = 0.65
    # Until fitted, the second stage has no checks and trusts every answer.
    checks: tuple[Check, ...] = ()
    min_words: int = 4        # shorter units cannot evidence anything
    copy_overlap: float = 0.6  # share of a unit's content words taken from the question

    @classmethod
    def load(cls) -> Calibration:
        text = resources.files("onsite.grade").joinpath("calibration.json").read_text()
        fields = json.loads(text)["calibration"]
        if len(fields["weights"]) != len(FEATURES):
            raise ValueError(f"calibration.json has {len(fields['weights'])} weights for "
                             f"{len(FEATURES)} features: refit with python -m onsite.bench grader --fit")
        checks = []
        for check in fields.get("checks", []):
            expected = len(CHECKS.get(check["name"], ()))
            if len(check["weights"]) != expected:
                raise ValueError(f"calibration.json: check {check['name']!r} has "
                                 f"{len(check['weights'])} weights for {expected} features: "
                                 "refit with python -m onsite.bench grader --fit")
            checks.append(Check(check["name"], tuple(check["weights"]), check["bias"]))
        return cls(**{**fields, "weights": tuple(fields["weights"]), "checks": tuple(checks)})

    def credit(self, features: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(features @ np.asarray(self.weights) + self.bias)))

    def doubts(self, evidence: Evidence, first_stage: float) -> dict[str, float]:
        """The second stage: per check, how likely the answer games the grader that way.
        The off-topic check needs the answer placed among the pack's topics."""
        out = {}
        for check in self.checks:
            features = check_features(check.name, evidence, first_stage)
            if features is not None:
                out[check.name] = float(1.0 / (1.0 + np.exp(
                    -(features @ np.asarray(check.weights) + check.bias))))
        return out

    def level(self, score: float) -> str:
        return "strong" if score >= self.strong else "lean" if score >= self.lean else "no"


@dataclass
class Unit:
    """A sentence or clause of the answer, and why it may not count as evidence."""

    text: str
    excluded: str | None = None  # "too short", "restates the question"

    @property
    def function_share(self) -> float:
        return function_share(self.text)

    @property
    def list_density(self) -> float:
        return list_density(self.text)

    @property
    def filler(self) -> bool:
        return bool(FILLER.search(self.text))


@dataclass
class PointGrade:
    id: str
    weight: float
    credit: float
    similarity: float
    evidence: str | None

    @property
    def covered(self) -> bool:
        return self.credit >= 0.5


@dataclass
class Grade:
    score: float
    level: str
    points: list[PointGrade]
    ignored: list[dict] = field(default_factory=list)  # units that could not be evidence
    self_score: float | None = None
    gaming: float = 0.0   # the second stage's highest probability that the answer games it
    doubt: str | None = None  # the check that capped the grade: "keyword list", "denial", ...

    @property
    def doubt_note(self) -> str | None:
        """Why the second stage capped the grade, in a sentence; None when it did not."""
        if self.doubt is None:
            return None
        return (f"Capped below Lean Hire: the answer {DOUBT_NOTES.get(self.doubt, self.doubt)} "
                f"({self.gaming:.0%} sure).")

    @property
    def combined(self) -> float:
        """The grader's score, averaged with the learner's own rating when there is one."""
        return self.score if self.self_score is None else (self.score + self.self_score) / 2

    def to_dict(self) -> dict:
        out = {"score": round(self.score, 4), "level": self.level,
               "points": [{"id": p.id, "covered": p.covered, "credit": round(p.credit, 3),
                           "similarity": round(p.similarity, 3), "evidence": p.evidence}
                          for p in self.points],
               "ignored": self.ignored, "gaming": round(self.gaming, 3), "doubt": self.doubt,
               "doubt_note": self.doubt_note}
        if self.self_score is not None:
            out["self_score"] = round(self.self_score, 4)
            out["combined"] = round(self.combined, 4)
        return out


def split_sentences(text: str) -> list[str]:
    sentences = (_BULLET.sub("", s).strip() for s in _SENTENCE_END.split(text.strip()))
    return [s for s in sentences if s]


def split_units(answer: str) -> list[str]:
    """Sentences, then the clauses of each sentence: a long sentence can make two points."""
    units: list[str] = []
    for sentence in split_sentences(answer):
        units.append(sentence)
        clauses = [c.strip() for c in _CLAUSE.split(sentence) if c and c.strip()]
        if len(clauses) > 1:
            units.extend(c for c in clauses if len(words(c)) >= 4)
    return list(dict.fromkeys(units))


def function_share(text: str) -> float:
    ws = words(text)
    return sum(w in FUNCTION_WORDS for w in ws) / len(ws) if ws else 0.0


def list_density(text: str) -> float:
    """Commas and "and"s per word: keyword salad strings nouns together, prose relates them."""
    ws = words(text)
    return (text.count(",") + text.count("/") + ws.count("and")) / len(ws) if ws else 0.0


def content(text: str) -> set[str]:
    return {w for w in words(text) if w not in FUNCTION_WORDS and len(w) > 2}


def stem(word: str) -> str:
    """A crude suffix strip, enough for "tuning" to meet "tuned" and "tunes"."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word


def stems(text: str) -> set[str]:
    return {stem(w) for w in content(text)}


def lexical_overlap(point: str, units: list[str]) -> float:
    """The largest share of the point's content words that one unit uses. Names and
    numbers ("Bradley-Terry", "16 bytes") are where a small embedding model is weakest."""
    mine = stems(point)
    if not mine or not units:
        return 0.0
    return max(len(mine & stems(u)) / len(mine) for u in units)


def copies(text: str, question: str, cal: Calibration) -> bool:
    mine = content(text)
    return bool(mine) and len(mine & content(question)) / len(mine) >= cal.copy_overlap


def negation_count(text: str) -> int:
    return len(NEGATION.findall(text))


def classify(units: list[str], question: str, cal: Calibration) -> list[Unit]:
    out = []
    for text in units:
        unit = Unit(text)
        if len(words(text)) < cal.min_words:
            unit.excluded = "too short"
        elif copies(text, question, cal):
            unit.excluded = "restates the question"
        out.append(unit)
    return out


EVIDENCE_FEATURES = 8  # the features of the evidence unit itself, first in FEATURES


@dataclass
class Evidence:
    """What grading needs from the embedding model, computed once per answer."""

    answer: str
    units: list[Unit]
    usable: list[Unit]
    sims: np.ndarray        # (points, usable units) cosine similarity
    denies: np.ndarray      # (points, usable units) the unit negates what the point affirms
    on_question: float = 0.0  # the best similarity of any unit to the question
    # (points, usable units): similarity to the model answer's sentence nearest each point,
    # a second, fuller statement of what the point means
    anchor_sims: np.ndarray | None = None
    lexical: np.ndarray | None = None  # (points,) see lexical_overlap
    placement: Placement | None = None  # among the pack's topics, when they were given

    @property
    def ignored(self) -> list[dict]:
        return [{"text": u.text, "why": u.excluded} for u in self.units
                if u.excluded and len(words(u.text)) >= 3]

    @property
    def coverage(self) -> float:
        """How well the answer covers the rubric on average: each point's best similarity."""
        return float(self.sims.max(axis=1).mean()) if self.usable else 0.0

    def features(self) -> tuple[np.ndarray, list[int | None]]:
        """One row of FEATURES per point, and the unit that evidences it best."""
        n_points = self.sims.shape[0]
        answer = [function_share(self.answer), list_density(self.answer),
                  min(len(words(self.answer)) / 300, 2.0), self.on_question, self.coverage]
        rows, best = [], []
        for i in range(n_points):
            if not self.usable:
                rows.append([0.0] * EVIDENCE_FEATURES + answer + [0.0, 0.0, 0.0])
                best.append(None)
                continue
            order = np.argsort(-self.sims[i], kind="stable")
            j = int(order[0])
            unit = self.usable[j]
            denied = self.sims[i][self.denies[i]]
            anchor = self.anchor_sims[i] if self.anchor_sims is not None else self.sims[i]
            rows.append([self.sims[i, j],
                         self.sims[i, order[1]] if len(order) > 1 else 0.0,
                         float(self.denies[i, j]),
                         float(denied.max()) if denied.size else 0.0,
                         self.sims[i, j] * float(self.denies[i, j]),
                         unit.list_density, unit.function_share, float(unit.filler), *answer,
                         anchor[j], float(anchor.max()),
                         float(self.lexical[i]) if self.lexical is not None else 0.0])
            best.append(j)
        return np.asarray(rows, dtype=float), best


def check_features(check: str, evidence: Evidence, first_stage: float) -> np.ndarray | None:
    """The row of features a second-stage check reads (None: it cannot be run)."""
    if CHECKS[check] is TOPIC_FEATURES:
        return topic_features(evidence)
    return gate_features(evidence, first_stage)


def topic_features(evidence: Evidence) -> np.ndarray | None:
    """One row of TOPIC_FEATURES, or None when the answer was not placed among topics."""
    place = evidence.placement
    if place is None:
        return None
    return np.array([min(place.margin, 0.0), place.margin, float(place.margin < 0),
                     evidence.coverage, evidence.on_question])


def gate_features(evidence: Evidence, first_stage: float) -> np.ndarray:
    """One row of GATE_FEATURES for the whole answer."""
    units = max(len(evidence.units), 1)
    copied = sum(u.excluded == "restates the question" for u in evidence.units) / units
    filler = sum(bool(FILLER.search(u.text)) for u in evidence.units) / units
    if evidence.usable:
        best = evidence.sims.argmax(axis=1)
        denied = float(np.mean(evidence.denies[np.arange(len(best)), best]))
    else:
        denied = 0.0
    n_words = max(len(words(evidence.answer)), 1)
    return np.array([function_share(evidence.answer), list_density(evidence.answer), filler,
                     copied, evidence.on_question, evidence.coverage, denied,
                     negation_count(evidence.answer) / n_words, first_stage])


def gather(answer: str, rubric: Rubric, *, embed: Embedder | None = None,
           cal: Calibration | None = None, context: str = "", topics: Topics | None = None,
           item_id: str | None = None) -> Evidence:
    """Split, filter and embed the answer; compare every usable unit with every point.

    ``context`` is the question as the learner saw it (the item's prompt): units that
    mostly restate it are not evidence of anything. With ``topics`` (the pack's, see
    grade/topics.py) and the answered ``item_id``, the answer is also placed among all the
    questions, which the off-topic check reads.
    """
    cal = cal or Calibration.load()
    units = classify(split_units(answer), f"{rubric.question}\n{context}", cal)
    usable = [u for u in units if u.excluded is None]
    points = [p.text for p in rubric.points]
    on_question = 0.0
    anchor_sims = None
    placement = None
    if usable:
        n = len(points)
        model = [s for s in split_sentences(rubric.model_answer) if len(words(s)) >= cal.min_words]
        vectors = (embed or minilm)(points + [rubric.question] + model + [u.text for u in usable])
        first = n + 1 + len(model)
        unit_vectors = vectors[first:]
        sims = vectors[:n] @ unit_vectors.T
        on_question = float((unit_vectors @ vectors[n]).max())
        if model:
            model_vectors = vectors[n + 1:first]
            nearest = (vectors[:n] @ model_vectors.T).argmax(axis=1)
            anchor_sims = model_vectors[nearest] @ unit_vectors.T
        if topics is not None and item_id is not None:
            placement = topics.place(item_id, unit_vectors)
    else:
        sims = np.zeros((len(points), 0))
    denies = np.array([[negation_count(u.text) > negation_count(p) for u in usable]
                       for p in points], dtype=bool).reshape(len(points), len(usable))
    lexical = np.array([lexical_overlap(p, [u.text for u in usable]) for p in points])
    return Evidence(answer, units, usable, sims, denies, on_question, anchor_sims, lexical,
                    placement)


def score(evidence: Evidence, rubric: Rubric, cal: Calibration,
          self_covered: set[str] | None = None) -> Grade:
    """Each point's credit from its evidence's features; the score is their weighted sum."""
    features, best = evidence.features()
    # A point with no usable evidence earns nothing, whatever the answer-level features say.
    credits = np.where([j is not None for j in best], cal.credit(features), 0.0)
    grades = [PointGrade(p.id, p.weight, float(c), float(f[0]),
                         evidence.usable[j].text if j is not None else None)
              for p, c, f, j in zip(rubric.points, credits, features, best, strict=True)]
    first_stage = sum(g.weight * g.credit for g in grades)
    doubts = cal.doubts(evidence, first_stage)
    doubt, gaming = max(doubts.items(), key=lambda kv: kv[1], default=(None, 0.0))
    total = first_stage
    if gaming >= GAMING:
        # More likely gaming than answering: it cannot reach Lean Hire, and keeps only the
        # share of its score the second stage does not doubt. Below the line nothing
        # changes, so honest answers keep their order.
        total = min(first_stage * (1.0 - gaming), cal.lean - 1e-3)
    else:
        doubt = None
    result = Grade(score=total, level=cal.level(total), points=grades,
                   ignored=evidence.ignored, gaming=gaming, doubt=doubt)
    if self_covered is not None:
        result.self_score = sum(p.weight for p in rubric.points if p.id in self_covered)
    return result


def grade(answer: str, rubric: Rubric, *, embed: Embedder | None = None, context: str = "",
          cal: Calibration | None = None, self_covered: set[str] | None = None,
          topics: Topics | Callable[[Embedder], Topics] | None = None,
          item_id: str | None = None) -> Grade:
    """Score ``answer`` against ``rubric``: per point, the credit its best evidence earns.

    ``topics`` may be a function that makes them with the grader's embedder, so that they
    are only computed (or read from disk) when an answer is graded.
    """
    cal = cal or Calibration.load()
    embed = embed or minilm
    if callable(topics):
        topics = topics(embed)
    evidence = gather(answer, rubric, embed=embed, cal=cal, context=context, topics=topics,
                      item_id=item_id)
    return score(evidence, rubric, cal, self_covered)


def calibration_record(cal: Calibration, figures: dict) -> str:
    """The JSON written by the benchmark's --fit: the numbers and what they achieved."""
    record = {**asdict(cal), "weights": [round(w, 4) for w in cal.weights],
              "bias": round(cal.bias, 4),
              "checks": [{"name": c.name, "weights": [round(w, 4) for w in c.weights],
                          "bias": round(c.bias, 4)} for c in cal.checks]}
    return json.dumps({"features": FEATURES, "checks": CHECKS, "calibration": record,
                       "measured": figures}, indent=1) + "\n"
