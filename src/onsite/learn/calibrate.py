"""Re-fitting quiz items' IRT parameters from stored answers with girth (2PL, marginal ML).

Only items with enough answers are fitted: 2PL parameters settle from about 250
responses per item. The guessing floor stays at 1/choices: it does not settle even
with thousands of answers, so it is fixed rather than fitted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_RESPONSES = 250
# a 2PL fit needs at least this many items answered by the same people to anchor the scale
MIN_ITEMS = 5


@dataclass(frozen=True)
class Fit:
    item_id: str
    a: float
    b: float
    responses: int


def response_matrix(first_answers: dict[tuple[str, str], bool], item_ids: list[str],
                    learners: list[str]) -> np.ndarray:
    """Items x learners, 1/0 for right/wrong and girth's INVALID_RESPONSE where unanswered."""
    from girth import INVALID_RESPONSE

    matrix = np.full((len(item_ids), len(learners)), INVALID_RESPONSE, dtype=int)
    row = {i: k for k, i in enumerate(item_ids)}
    col = {learner: k for k, learner in enumerate(learners)}
    for (item_id, learner), correct in first_answers.items():
        if item_id in row and learner in col:
            matrix[row[item_id], col[learner]] = int(correct)
    return matrix


def fit(first_answers: dict[tuple[str, str], bool]) -> tuple[list[Fit], str]:
    """2PL parameters for every item with enough answers, and a sentence saying what was done."""
    from girth import twopl_mml

    counts: dict[str, int] = {}
    for item_id, _learner in first_answers:
        counts[item_id] = counts.get(item_id, 0) + 1
    ready = sorted(i for i, n in counts.items() if n >= MIN_RESPONSES)
    if len(ready) < MIN_ITEMS:
        most = max(counts.values(), default=0)
        return [], (f"not enough answers to calibrate: {len(ready)} items have {MIN_RESPONSES} or "
                    f"more (the most answered has {most}); at least {MIN_ITEMS} such items are "
                    "needed. Authored parameters stay in use.")
    learners = sorted({learner for (i, learner) in first_answers if i in ready})
    result = twopl_mml(response_matrix(first_answers, ready, learners))
    # Items everyone (or no one) gets right fit to extreme values; keep them in a usable range.
    fits = [Fit(i, float(np.clip(a, 0.2, 4.0)), float(np.clip(b, -4.0, 4.0)), counts[i])
            for i, a, b in zip(ready, result["Discrimination"], result["Difficulty"], strict=True)]
    return fits, f"fitted {len(fits)} items from the answers of {len(learners)} learners"
