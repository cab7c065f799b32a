"""Where an answer sits among all the pack's written questions.

An answer to a neighbouring question (a DPO answer to an annotation-pipeline question)
makes sentences close to some rubric points, so point-by-point evidence alone can credit
it. Measured on the hand-graded set, every off-topic answer read closer to another item's
model answer than to its own, and almost no honest answer did: the margin between the two
is what the grader's off-topic check reads.

A topic is the mean embedding of an item's question and its model answer's sentences.
Embedding a whole pack takes seconds, so the vectors are kept on disk, keyed by a hash of
the texts they came from: a changed rubric makes a new file, never a stale vector.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from onsite.grade.embed import Embedder
from onsite.packs.models import Rubric


@dataclass(frozen=True)
class Placement:
    """How an answer's topic compares with its own item's and the nearest other item's."""

    own: float       # cosine between the answer and its own item's topic
    margin: float    # own minus the best other item's; negative: closer to another question
    nearest: str     # the item whose topic the answer is closest to


@dataclass(frozen=True)
class Topics:
    """Unit-length topic vectors, one per item with a rubric."""

    ids: tuple[str, ...]
    vectors: np.ndarray  # (items, dim)

    def place(self, item_id: str, answer: np.ndarray) -> Placement | None:
        """Place an answer (unit vectors of its sentences) among the topics; None when the
        item has no topic or there is nothing to compare it with."""
        if item_id not in self.ids or len(self.ids) < 2 or not len(answer):
            return None
        sims = self.vectors @ _unit(answer.mean(axis=0))
        own = self.ids.index(item_id)
        best_other = float(np.delete(sims, own).max())
        return Placement(own=float(sims[own]), margin=float(sims[own]) - best_other,
                         nearest=self.ids[int(sims.argmax())])


def topic_texts(rubric: Rubric) -> list[str]:
    from onsite.grade.rubric import split_sentences

    return [rubric.question, *split_sentences(rubric.model_answer)]


def build(rubrics: dict[str, Rubric], embed: Embedder) -> Topics:
    ids = tuple(sorted(rubrics))
    texts = [topic_texts(rubrics[i]) for i in ids]
    flat = embed([t for group in texts for t in group])
    vectors, start = [], 0
    for group in texts:
        vectors.append(_unit(flat[start:start + len(group)].mean(axis=0)))
        start += len(group)
    return Topics(ids, np.stack(vectors) if vectors else np.zeros((0, flat.shape[1])))


def cached(rubrics: dict[str, Rubric], embed: Embedder, folder: Path) -> Topics:
    """``build``, read from ``folder`` when these exact texts were embedded before."""
    digest = hashlib.sha256(getattr(embed, "__qualname__", type(embed).__name__).encode())
    for item_id in sorted(rubrics):
        digest.update("\x00".join([item_id, *topic_texts(rubrics[item_id])]).encode())
        digest.update(b"\x01")
    path = folder / f"grader-topics-{digest.hexdigest()[:16]}.npz"
    if path.exists():
        try:
            with np.load(path, allow_pickle=False) as data:
                return Topics(tuple(data["ids"].tolist()), data["vectors"])
        except (OSError, ValueError, KeyError):
            path.unlink(missing_ok=True)  # a damaged cache is rebuilt, not trusted
    topics = build(rubrics, embed)
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp.npz")
    np.savez(partial, ids=np.array(topics.ids), vectors=topics.vectors)
    partial.replace(path)
    return topics


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v
