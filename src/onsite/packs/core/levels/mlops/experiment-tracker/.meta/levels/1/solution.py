"""Reference: an experiment tracker revealed in four levels."""

from __future__ import annotations


def _check_step(step: int) -> None:
    if not isinstance(step, int) or step < 0:
        raise ValueError(f"step must be an int >= 0, got {step!r}")


class ExperimentTracker:
    def __init__(self) -> None:
        # run -> metric -> step -> value
        self._runs: dict[str, dict[str, dict[int, float]]] = {}

    # ---- level 1 ----
    def log(self, run_id: str, metric: str, value: float, step: int) -> None:
        _check_step(step)
        self._runs.setdefault(run_id, {}).setdefault(metric, {})[step] = value

    def get(self, run_id: str, metric: str, step: int) -> float | None:
        return self._runs.get(run_id, {}).get(metric, {}).get(step)

    def latest(self, run_id: str, metric: str) -> float | None:
        series = self._runs.get(run_id, {}).get(metric)
        if not series:
            return None
        return series[max(series)]

    def delete_run(self, run_id: str) -> bool:
        if run_id not in self._runs:
            return False
        del self._runs[run_id]
        return True

    def runs(self) -> list[str]:
        return sorted(self._runs)
