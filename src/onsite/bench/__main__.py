"""`python -m onsite.bench {judge,cat,grader,web}`: benchmarks that print figures, measured in one run.

judge:  what isolation costs per verdict (see bench/judge.py).
cat:    how fast adaptive testing pins down an ability, against random selection.
grader: how well the rubric grader agrees with hand grades (see bench/grader.py).
web:    each page's server time over 10,000 stored attempts (see bench/web.py).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m onsite.bench")
    parser.add_argument("what", choices=["judge", "cat", "grader", "web"])
    parser.add_argument("--runs", type=int, default=30, help="judge: verdicts per mode")
    parser.add_argument("--item", default="attention/scaled-dot-product", help="judge: the item")
    parser.add_argument("--learners", type=int, default=500, help="cat: simulated learners")
    parser.add_argument("--seed", type=int, default=0, help="cat: simulation seed")
    parser.add_argument("--fit", action="store_true",
                        help="grader: refit the calibration on the hand-graded set")
    parser.add_argument("--no-folds", action="store_true",
                        help="grader: with --fit, skip the held-out-item figures")
    args = parser.parse_args()
    os.environ.setdefault("ONSITE_HOME", tempfile.mkdtemp(prefix="onsite-bench-"))
    Path(os.environ["ONSITE_HOME"]).mkdir(parents=True, exist_ok=True)
    if args.what == "judge":
        from onsite.bench.judge import bench_judge

        print(json.dumps(bench_judge(args.item, args.runs), indent=1))
    elif args.what == "grader":
        from onsite.bench.grader import bench_grader, render

        cache = Path(tempfile.gettempdir()) / "onsite-grader-embeddings.npz"
        print(render(bench_grader(args.fit, folds=not args.no_folds, cache=cache)))
    elif args.what == "web":
        from onsite.bench.web import bench_web, render

        print(render(bench_web(runs=args.runs)))
    else:
        from onsite.bench.cat import bench_cat, render

        print(render(bench_cat(args.learners, args.seed)))


if __name__ == "__main__":
    main()
