"""How well the rubric grader agrees with hand grades, on answers written to fool it too.

The evaluation set (``grader_set/*.yaml``) holds answers of every quality to open and
paper items, each graded by hand, point by point, before any grader saw it. The hand
score is the rubric-weighted sum of those credits.

Printed: the Spearman correlation between grader and hand scores, how often the hiring
signal agrees, and the highest score any adversarial answer (keyword-stuffed, negated,
off-topic, question copied back) reached. ``--fit`` searches the calibration's
continuous numbers on this set and writes them to grade/calibration.json; the figures it
prints for held-out items (each item scored by numbers fitted on the others) are the
honest ones.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import numpy as np
import yaml

from onsite.grade.rubric import (
    CHECKS,
    Calibration,
    Check,
    Evidence,
    calibration_record,
    check_features,
    gather,
    score,
)
from onsite.packs.models import Rubric

ADVERSARIAL = ("stuffed", "negated", "offtopic", "copied")
# The answers each second-stage check is fitted to recognise.
CHECKED = {"keyword list": ("stuffed",), "denial": ("negated",),
           "off topic": ("offtopic", "copied")}
SET_DIR = Path(str(resources.files("onsite.bench").joinpath("grader_set")))
CALIBRATION = Path(str(resources.files("onsite.grade").joinpath("calibration.json")))


@dataclass
class Graded:
    item: str
    quality: str
    hand: float
    hand_level: str
    rubric: Rubric
    evidence: Evidence
    credits: np.ndarray   # the hand credit of each point


def load_set(folder: Path = SET_DIR) -> list[tuple[object, dict]]:
    from onsite.sessions.catalog import get_item

    out = []
    for path in sorted(folder.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text())
        item = get_item(doc["item"])
        ids = {p.id for p in item.rubric.points}
        for answer in doc["answers"]:
            if set(answer["hand"]) != ids:
                raise ValueError(f"{path}: answer {answer['id']!r} grades {sorted(answer['hand'])}, "
                                 f"the rubric has {sorted(ids)}")
            out.append((item, answer))
    return out


def hand_score(rubric: Rubric, hand: dict[str, float]) -> float:
    return sum(p.weight * float(hand[p.id]) for p in rubric.points)


def cached_embedder(path: Path):
    """MiniLM with a disk cache, so refitting does not re-embed 200 answers."""
    from onsite.grade.embed import minilm

    store: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path, allow_pickle=False) as data:
            store = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))

    def embed(texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in store]
        if missing:
            store.update(zip(missing, minilm(missing), strict=True))
            np.savez(path, texts=np.array(list(store)), vectors=np.stack(list(store.values())))
        return np.stack([store[t] for t in texts])

    return embed


def prepare(cal: Calibration, cache: Path | None = None) -> list[Graded]:
    from onsite.grade.embed import minilm
    from onsite.grade.topics import build
    from onsite.sessions.catalog import catalog

    embed = cached_embedder(cache) if cache else minilm
    topics = build({i: it.rubric for i, it in catalog().items() if it.rubric is not None},
                   embed)
    rows = []
    for item, answer in load_set():
        level = answer["level"] if answer["level"] is not False else "no"
        evidence = gather(answer["text"], item.rubric, embed=embed, cal=cal,
                          context=item.prompt, topics=topics, item_id=item.id)
        rows.append(Graded(item.id, answer["quality"], hand_score(item.rubric, answer["hand"]),
                           level, item.rubric, evidence,
                           np.array([float(answer["hand"][p.id]) for p in item.rubric.points])))
    return rows


def ranks(values: np.ndarray) -> np.ndarray:
    order = np.argsort(values, kind="stable")
    r = np.empty(len(values))
    r[order] = np.arange(len(values), dtype=float)
    for v in np.unique(values):  # ties share their mean rank
        tied = values == v
        r[tied] = r[tied].mean()
    return r


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    ra, rb = ranks(np.asarray(a, float)), ranks(np.asarray(b, float))
    if ra.std() == 0 or rb.std() == 0:
        return 0.0
    return float(np.corrcoef(ra, rb)[0, 1])


def figures(rows: list[Graded], scores: np.ndarray, levels: list[str]) -> dict:
    hand = np.array([r.hand for r in rows])
    adversarial = [i for i, r in enumerate(rows) if r.quality in ADVERSARIAL]
    honest = [i for i, r in enumerate(rows) if r.quality not in ADVERSARIAL]
    worst = max(adversarial, key=lambda i: scores[i]) if adversarial else None
    return {
        "answers": len(rows), "items": len({r.item for r in rows}),
        "spearman": round(spearman(scores, hand), 3),
        "spearman_honest": round(spearman(scores[honest], hand[honest]), 3) if honest else None,
        "level_agreement": round(float(np.mean([lv == r.hand_level
                                                for lv, r in zip(levels, rows, strict=True)])), 3),
        "adversarial_above_no": sum(levels[i] != "no" for i in adversarial),
        "adversarial_max": (round(float(scores[worst]), 3), rows[worst].quality, rows[worst].item)
        if worst is not None else None,
        "mean_by_quality": {q: round(float(np.mean([scores[i] for i, r in enumerate(rows)
                                                    if r.quality == q])), 3)
                            for q in sorted({r.quality for r in rows})},
        "hand_by_quality": {q: round(float(np.mean([r.hand for r in rows if r.quality == q])), 3)
                            for q in sorted({r.quality for r in rows})},
    }


def run(rows: list[Graded], cal: Calibration) -> tuple[np.ndarray, list[str]]:
    grades = [score(r.evidence, r.rubric, cal) for r in rows]
    return np.array([g.score for g in grades]), [g.level for g in grades]


def best_thresholds(rows: list[Graded], scores: np.ndarray) -> tuple[float, float]:
    """The lean and strong cut-offs that best reproduce the hand levels."""
    best, cut = -1.0, (0.35, 0.65)
    steps = np.round(np.arange(0.1, 0.95, 0.025), 3)
    hand = np.array([r.hand_level for r in rows])
    for lean, strong in itertools.combinations(steps, 2):
        levels = np.where(scores >= strong, "strong", np.where(scores >= lean, "lean", "no"))
        agree = float(np.mean(levels == hand))
        if agree > best:
            best, cut = agree, (float(lean), float(strong))
    return cut


def logistic(x: np.ndarray, y: np.ndarray, steps: int = 3000,
             l2: float = 1e-3) -> tuple[np.ndarray, float]:
    """Weights and bias, in raw feature units, of a logistic regression of soft labels y."""
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / std
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(steps):  # full-batch gradient descent on the soft-label cross-entropy
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        w -= 0.5 * (z.T @ (p - y) / len(y) + l2 * w)
        b -= 0.5 * float(np.mean(p - y))
    return w / std, float(b - (w * mean / std).sum())


def fit(rows: list[Graded], base: Calibration, checks: bool = True) -> Calibration:
    """Stage one: the hand credits (0, 0.5, 1) of each point from its features. Stage two:
    per check, whether the answer games the grader that way, fitted on the answers of that
    kind against all others. Then the cut-offs that best reproduce the hand levels."""
    x = np.concatenate([r.evidence.features()[0] for r in rows])
    y = np.concatenate([r.credits for r in rows])
    weights, bias = logistic(x, y)
    cal = replace(base, weights=tuple(float(v) for v in weights), bias=bias, checks=())
    if checks:
        first, _ = run(rows, cal)
        fitted = []
        for name in CHECKS:
            pairs = [(check_features(name, r.evidence, s), r.quality in CHECKED[name])
                     for r, s in zip(rows, first, strict=True)]
            pairs = [(f, label) for f, label in pairs if f is not None]
            if not pairs:
                continue
            # Strong shrinkage: 26 items, and a check must not learn one item's wording.
            w, b = logistic(np.stack([f for f, _ in pairs]),
                            np.array([float(label) for _, label in pairs]), l2=1e-2)
            fitted.append(Check(name, tuple(float(v) for v in w), b))
        cal = replace(cal, checks=tuple(fitted))
    scores, _ = run(rows, cal)
    lean, strong = best_thresholds(rows, scores)
    return replace(cal, lean=lean, strong=strong)


def held_out(rows: list[Graded], base: Calibration) -> tuple[np.ndarray, list[str]]:
    """Each item scored with numbers fitted on the other items only."""
    scores = np.zeros(len(rows))
    levels = [""] * len(rows)
    for item in sorted({r.item for r in rows}):
        cal = fit([r for r in rows if r.item != item], base)
        for i, r in enumerate(rows):
            if r.item == item:
                g = score(r.evidence, r.rubric, cal)
                scores[i], levels[i] = g.score, g.level
    return scores, levels


def bench_grader(do_fit: bool = False, folds: bool = True, cache: Path | None = None) -> dict:
    start = time.perf_counter()
    try:
        base = Calibration.load()
    except ValueError:
        if not do_fit:
            raise
        base = Calibration()  # the features changed since the last fit: start afresh
    rows = prepare(base, cache)
    embed_s = time.perf_counter() - start
    report: dict = {"embedding_s": round(embed_s, 1)}
    if do_fit:
        fitted = fit(rows, base)
        if folds:
            report["held_out"] = figures(rows, *held_out(rows, base))
        scores, levels = run(rows, fitted)
        report["fitted"] = figures(rows, scores, levels)
        CALIBRATION.write_text(calibration_record(fitted, {
            k: report[k] for k in ("held_out", "fitted") if k in report}))
        report["calibration"] = str(CALIBRATION)
    else:
        scores, levels = run(rows, base)
        report["current"] = figures(rows, scores, levels)
    return report


def render(report: dict) -> str:
    lines = [f"embedding the set: {report['embedding_s']} s"]
    for name in ("current", "held_out", "fitted"):
        if name not in report:
            continue
        f = report[name]
        lines += [
            f"\n{name}: {f['answers']} answers to {f['items']} items",
            f"  Spearman (grader vs hand): {f['spearman']}   honest answers only: "
            f"{f['spearman_honest']}",
            f"  level agreement: {f['level_agreement']:.1%}",
            f"  adversarial answers above No Hire: {f['adversarial_above_no']}"
            f"   highest: {f['adversarial_max']}",
            "  mean score by quality (grader / hand): " + ", ".join(
                f"{q} {f['mean_by_quality'][q]:.2f}/{f['hand_by_quality'][q]:.2f}"
                for q in f["mean_by_quality"]),
        ]
    if "calibration" in report:
        lines.append(f"\nwrote {report['calibration']}")
    return "\n".join(lines)

