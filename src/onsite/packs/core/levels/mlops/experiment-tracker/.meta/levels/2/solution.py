"""Reference: an experiment tracker revealed in four levels."""

from __future__ import annotations


def _check_step(step: int) -> None:
    if not isinstance(step, int) or step < 0:
        raise ValueError(f"step must be an int >= 0, got {step!r}")


def _check_mode(mode: str) -> None:
    if mode not in ("min", "max"):
        raise ValueError(f"mode must be 'min' or 'max', got {mode!r}")


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

    # ---- level 2 ----
    def _scores(self, metric: str, mode: str) -> list[tuple[str, float]]:
        """(run, its best value of metric) for every run that logged it."""
        pick = min if mode == "min" else max
        return [(run_id, pick(metrics[metric].values()))
                for run_id, metrics in self._runs.items() if metrics.get(metric)]

    def _ranked(self, metric: str, mode: str) -> list[tuple[str, float]]:
        _check_mode(mode)
        sign = 1 if mode == "min" else -1
        return sorted(self._scores(metric, mode), key=lambda rs: (sign * rs[1], rs[0]))

    def best(self, metric: str, mode: str = "min") -> str | None:
        ranked = self._ranked(metric, mode)
        return ranked[0][0] if ranked else None

    def top_k(self, metric: str, k: int, mode: str = "min") -> list[tuple[str, float]]:
        if not isinstance(k, int) or k < 0:
            raise ValueError(f"k must be an int >= 0, got {k!r}")
        return self._ranked(metric, mode)[:k]

    def summary(self, run_id: str, metric: str) -> tuple[int, float, float, float] | None:
        series = self._runs.get(run_id, {}).get(metric)
        if not series:
            return None
        values = list(series.values())
        return (len(values), min(values), max(values), sum(values) / len(values))
