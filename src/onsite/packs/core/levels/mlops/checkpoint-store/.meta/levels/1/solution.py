"""Reference: a checkpoint store revealed in four levels."""

from __future__ import annotations


class _Checkpoint:
    def __init__(self, size: int, metric: float) -> None:
        self.size = size
        self.metric = metric


class CheckpointStore:
    def __init__(self) -> None:
        self._runs: dict[str, dict[int, _Checkpoint]] = {}

    # ---- level 1 ----
    def save(self, run_id: str, step: int, size: int, metric: float) -> None:
        self._validate(step, size)
        self._runs.setdefault(run_id, {})[step] = _Checkpoint(size, metric)

    def _validate(self, step: int, size: int) -> None:
        if not isinstance(step, int) or step < 0:
            raise ValueError(f"step must be an int >= 0, got {step!r}")
        if not isinstance(size, int) or size < 1:
            raise ValueError(f"size must be an int >= 1, got {size!r}")

    def get(self, run_id: str, step: int) -> tuple[int, float] | None:
        checkpoint = self._runs.get(run_id, {}).get(step)
        return None if checkpoint is None else (checkpoint.size, checkpoint.metric)

    def delete(self, run_id: str, step: int) -> bool:
        if step not in self._runs.get(run_id, {}):
            return False
        self._remove(run_id, step)
        return True

    def _remove(self, run_id: str, step: int) -> None:
        del self._runs[run_id][step]
        if not self._runs[run_id]:
            del self._runs[run_id]

    def steps(self, run_id: str) -> list[int]:
        return sorted(self._runs.get(run_id, {}))

    def latest(self, run_id: str) -> int | None:
        run = self._runs.get(run_id)
        return max(run) if run else None

    def total_size(self) -> int:
        return sum(c.size for run in self._runs.values() for c in run.values())
