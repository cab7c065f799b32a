"""Simulated adaptive tests over the real quiz bank: RMSE of the ability estimate by test length.

Each simulated learner has a known ability drawn from N(0, 1) and answers by the 3PL
model with the bank's own parameters. Within a table both arms use the same estimator;
only the choice of the next question differs: maximum information at the current
estimate (catsim), or uniformly at random among those not yet asked. The table is
printed for both estimators onsite offers: EAP (girth, the default) and maximum
likelihood (catsim).
"""

from __future__ import annotations

import math
import time

import numpy as np

from onsite.learn.cat import AdaptiveTest, authored_params, bank_matrix

LENGTH = 30
CHECKPOINTS = (10, 15, 20, 30)


def quiz_bank():
    from onsite.sessions.catalog import catalog

    items = [i for i in catalog().values() if i.meta.kind == "quiz"]
    return [i.id for i in items], bank_matrix([authored_params(i) for i in items])


def p_correct(theta: float, row: np.ndarray) -> float:
    a, b, c, d = row
    return c + (d - c) / (1 + math.exp(-a * (theta - b)))


def simulate(ids: list[str], matrix: np.ndarray, theta: float, adaptive: bool,
             rng: np.random.Generator, estimator: str) -> list[float]:
    """The estimate after each of LENGTH answers."""
    test = AdaptiveTest(ids, matrix, stop_se=0.0, max_items=LENGTH, estimator=estimator)
    estimates = []
    for _ in range(LENGTH):
        if adaptive:
            item = test.next_item()
        else:
            left = sorted(set(range(len(ids))) - set(test.administered))
            item = ids[int(rng.choice(left))]
        row = matrix[ids.index(item)]
        estimates.append(test.record(item, bool(rng.random() < p_correct(theta, row))))
    return estimates


def bench_cat(learners: int, seed: int) -> dict:
    ids, matrix = quiz_bank()
    if len(ids) < LENGTH:
        raise SystemExit(f"the bank has {len(ids)} quiz items; the benchmark needs {LENGTH}")
    thetas = np.random.default_rng(seed).standard_normal(learners)
    start = time.perf_counter()
    tables = {}
    for estimator in ("eap", "ml"):
        rng = np.random.default_rng(seed + 1)  # the same answer draws for every table
        rmse = {}
        for arm in ("adaptive", "random"):
            errors = np.array([np.array(simulate(ids, matrix, t, arm == "adaptive", rng,
                                                 estimator)) - t for t in thetas])
            rmse[arm] = np.sqrt(np.mean(errors ** 2, axis=0))  # by test length 1..LENGTH
        target = rmse["random"][LENGTH - 1]
        reached = next((k + 1 for k, v in enumerate(rmse["adaptive"]) if v <= target), None)
        tables[estimator] = {
            "rmse": {arm: {n: round(float(v[n - 1]), 3) for n in CHECKPOINTS}
                     for arm, v in rmse.items()},
            "adaptive_items_to_match_random_30": reached,
            "goal_met": reached is not None and reached <= 15,
        }
    return {"bank_items": len(ids), "learners": learners, "seed": seed, "tables": tables,
            "goal": "adaptive reaches random's 30-item RMSE within 15 items",
            "seconds": round(time.perf_counter() - start, 1)}


ESTIMATOR_NAMES = {"eap": "EAP estimate (girth, the default)",
                   "ml": "maximum-likelihood estimate (catsim)"}


def render(result: dict) -> str:
    lines = [f"{result['learners']} simulated learners, {result['bank_items']} quiz items "
             f"(seed {result['seed']}, {result['seconds']} s)"]
    for estimator, table in result["tables"].items():
        lines += ["", ESTIMATOR_NAMES[estimator],
                  "items asked  " + "".join(f"{n:>8}" for n in CHECKPOINTS)]
        for arm, row in table["rmse"].items():
            lines.append(f"{arm:<12} " + "".join(f"{row[n]:>8.3f}" for n in CHECKPOINTS))
        reached = table["adaptive_items_to_match_random_30"]
        lines.append(f"adaptive matches random's 30-item RMSE after {reached or 'more than 30'} "
                     f"items ({'goal met' if table['goal_met'] else 'goal not met'})")
    lines.append(f"goal: {result['goal']}")
    return "\n".join(lines)
