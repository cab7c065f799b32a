"""Reference: an experiment tracker revealed in four levels."""

from __future__ import annotations


def _check_step(step: int) -> None:
    if not isinstance(step, int) or step < 0:
        raise ValueError(f"step must be an int >= 0, got {step!r}")


def _check_mode(mode: str) -> None:
    if mode not in ("min", "max"):
        raise ValueError(f"mode must be 'min' or 'max', got {mode!r}")


def _in_window(ts: int, start: int | None, end: int | None) -> bool:
    return (start is None or ts >= start) and (end is None or ts < end)


class _Run:
    """One run: metric -> step -> list of writes (value, timestamp), the last is current."""

    def __init__(self) -> None:
        self.points: dict[str, dict[int, list[tuple[float, int]]]] = {}
        self.tags: set[str] = set()


class ExperimentTracker:
    def __init__(self) -> None:
        self._runs: dict[str, _Run] = {}
        # every state change, newest last: (kind, details) -- enough to reverse it
        self._undo: list[tuple] = []

    # ---- level 1 ----
    def log(self, run_id: str, metric: str, value: float, step: int,
            timestamp: int = 0) -> None:
        _check_step(step)
        if not isinstance(timestamp, int) or timestamp < 0:
            raise ValueError(f"timestamp must be an int >= 0, got {timestamp!r}")
        run = self._runs.setdefault(run_id, _Run())
        run.points.setdefault(metric, {}).setdefault(step, []).append((value, timestamp))
        self._undo.append(("log", run_id, metric, step))

    def _series(self, run_id: str, metric: str) -> dict[int, list[tuple[float, int]]]:
        run = self._runs.get(run_id)
        return run.points.get(metric, {}) if run else {}

    def get(self, run_id: str, metric: str, step: int) -> float | None:
        writes = self._series(run_id, metric).get(step)
        return writes[-1][0] if writes else None

    def latest(self, run_id: str, metric: str) -> float | None:
        series = self._series(run_id, metric)
        return series[max(series)][-1][0] if series else None

    def delete_run(self, run_id: str) -> bool:
        if run_id not in self._runs:
            return False
        self._undo.append(("delete", run_id, self._runs.pop(run_id)))
        return True

    def runs(self) -> list[str]:
        return sorted(self._runs)

    # ---- level 2 ----
    def _scores(self, metric: str, mode: str, tag: str | None, start: int | None,
                end: int | None) -> list[tuple[str, float]]:
        """(run, its best current value of metric inside the window) for eligible runs."""
        pick = min if mode == "min" else max
        out = []
        for run_id, run in self._runs.items():
            if tag is not None and tag not in run.tags:
                continue
            values = [writes[-1][0] for writes in run.points.get(metric, {}).values()
                      if _in_window(writes[-1][1], start, end)]
            if values:
                out.append((run_id, pick(values)))
        return out

    def _ranked(self, metric: str, mode: str, tag: str | None, start: int | None,
                end: int | None) -> list[tuple[str, float]]:
        _check_mode(mode)
        sign = 1 if mode == "min" else -1
        scores = self._scores(metric, mode, tag, start, end)
        return sorted(scores, key=lambda rs: (sign * rs[1], rs[0]))

    def best(self, metric: str, mode: str = "min", tag: str | None = None,
             start: int | None = None, end: int | None = None) -> str | None:
        ranked = self._ranked(metric, mode, tag, start, end)
        return ranked[0][0] if ranked else None

    def top_k(self, metric: str, k: int, mode: str = "min", tag: str | None = None,
              start: int | None = None, end: int | None = None) -> list[tuple[str, float]]:
        if not isinstance(k, int) or k < 0:
            raise ValueError(f"k must be an int >= 0, got {k!r}")
        return self._ranked(metric, mode, tag, start, end)[:k]

    def summary(self, run_id: str, metric: str) -> tuple[int, float, float, float] | None:
        series = self._series(run_id, metric)
        if not series:
            return None
        values = [writes[-1][0] for writes in series.values()]
        return (len(values), min(values), max(values), sum(values) / len(values))

    # ---- level 3 ----
    def tag(self, run_id: str, tag: str) -> bool:
        run = self._runs.get(run_id)
        if run is None or tag in run.tags:
            return False
        run.tags.add(tag)
        self._undo.append(("tag", run_id, tag))
        return True

    def untag(self, run_id: str, tag: str) -> bool:
        run = self._runs.get(run_id)
        if run is None or tag not in run.tags:
            return False
        run.tags.discard(tag)
        self._undo.append(("untag", run_id, tag))
        return True

    def tags(self, run_id: str) -> list[str]:
        run = self._runs.get(run_id)
        return sorted(run.tags) if run else []

    def find_runs(self, tag: str | None = None, start: int | None = None,
                  end: int | None = None) -> list[str]:
        found = []
        for run_id, run in self._runs.items():
            if tag is not None and tag not in run.tags:
                continue
            if any(_in_window(writes[-1][1], start, end)
                   for series in run.points.values() for writes in series.values()):
                found.append(run_id)
        return sorted(found)

    # ---- level 4 ----
    def history(self, run_id: str, metric: str, step: int) -> list[float]:
        return [value for value, _ in self._series(run_id, metric).get(step, [])]

    def undo(self) -> bool:
        if not self._undo:
            return False
        kind, run_id, *rest = self._undo.pop()
        if kind == "log":
            metric, step = rest
            run = self._runs[run_id]
            writes = run.points[metric][step]
            writes.pop()
            if not writes:
                del run.points[metric][step]
                if not run.points[metric]:
                    del run.points[metric]
                if not run.points:
                    del self._runs[run_id]
        elif kind == "delete":
            self._runs[run_id] = rest[0]
        elif kind == "tag":
            self._runs[run_id].tags.discard(rest[0])
        else:
            self._runs[run_id].tags.add(rest[0])
        return True
