"""`python -m onsite.bench judge [--runs N] [--item ID]`: what isolation costs per verdict.

Prints JSON with per-verdict medians for
  (a) cold: a fresh interpreter that imports torch, runs the cases, exits;
  (b) warm: the sandboxed path (static check, fork from the warm zygote,
      namespaces, pivoted root, seccomp, compare) with a warm worker;
  (c) floor: the same cases run in this process with no isolation at all;
and the ratios a/b and b-c. All three are measured in the same run.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

COLD_SCRIPT = """
import sys
from onsite.judge import child
child.run(open(sys.argv[1]).read(), "solution.py", open(sys.argv[2]).read(), "cases.py",
          [], lambda data: None)
"""


def bench_judge(item_id: str, runs: int) -> dict:
    import torch

    from onsite.judge import child
    from onsite.judge.verifier import judge_source
    from onsite.judge.worker import SandboxRunner
    from onsite.sessions.catalog import get_item

    torch.set_num_threads(1)
    item = get_item(item_id)
    source = item.solution_path.read_text()
    cases = item.cases_path.read_text()

    def cold() -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", COLD_SCRIPT, str(item.solution_path),
                        str(item.cases_path)], check=True,
                       env={"OMP_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"})
        return (time.perf_counter() - start) * 1000

    def floor() -> float:
        start = time.perf_counter()
        child.run(source, "solution.py", cases, "cases.py", [], lambda data: None)
        return (time.perf_counter() - start) * 1000

    with SandboxRunner() as runner:
        judge_source(item, source, runner)  # computes and caches the expectation

        def warm() -> float:
            start = time.perf_counter()
            verdict = judge_source(item, source, runner)
            assert verdict.passed, verdict
            return (time.perf_counter() - start) * 1000

        floor()
        timings = {"cold": [], "warm": [], "floor": []}
        for _ in range(runs):  # interleaved, so machine noise hits all three alike
            timings["warm"].append(warm())
            timings["floor"].append(floor())
        for _ in range(max(5, runs // 3)):
            timings["cold"].append(cold())
        isolation = runner.isolation
    med = {k: statistics.median(v) for k, v in timings.items()}
    return {
        "item": item_id,
        "isolation": isolation,
        "runs": {k: len(v) for k, v in timings.items()},
        "median_ms": {"a_cold_subprocess": round(med["cold"], 1),
                      "b_warm_isolated": round(med["warm"], 1),
                      "c_in_process_floor": round(med["floor"], 1)},
        "a_over_b": round(med["cold"] / med["warm"], 1),
        "b_minus_c_ms": round(med["warm"] - med["floor"], 1),
        "goal": "a/b >= 50 and b-c <= 20 ms",
    }
