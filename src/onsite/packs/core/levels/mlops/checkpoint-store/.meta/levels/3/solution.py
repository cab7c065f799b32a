"""Reference: a checkpoint store revealed in four levels."""

from __future__ import annotations


def _check_count(name: str, value: int | None) -> None:
    if value is not None and (not isinstance(value, int) or value < 1):
        raise ValueError(f"{name} must be None or an int >= 1, got {value!r}")


def _check_mode(mode: str) -> None:
    if mode not in ("min", "max"):
        raise ValueError(f"mode must be 'min' or 'max', got {mode!r}")


class _Checkpoint:
    def __init__(self, size: int, metric: float, saved_at: int) -> None:
        self.size = size
        self.metric = metric
        self.saved_at = saved_at


class CheckpointStore:
    def __init__(self) -> None:
        self._runs: dict[str, dict[int, _Checkpoint]] = {}
        self._policy: dict[str, tuple[int | None, int | None, str]] = {}
        self._ttl: dict[str, int] = {}
        self._clock = 0

    # ---- level 1 ----
    def save(self, run_id: str, step: int, size: int, metric: float,
             timestamp: int | None = None) -> list[tuple[str, int]]:
        self._validate(step, size)
        now = self._clock if timestamp is None else timestamp
        if not isinstance(now, int) or now < self._clock:
            raise ValueError(f"time cannot go back: clock {self._clock}, timestamp {now!r}")
        removed = self._advance(now)
        checkpoint = _Checkpoint(size, metric, now)
        self._runs.setdefault(run_id, {})[step] = checkpoint
        removed += [(run_id, s) for s in self._apply_retention(run_id)]
        return sorted(removed)

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

    # ---- level 2 ----
    def _ranked(self, run_id: str, mode: str) -> list[int]:
        """The run's steps, best metric first; ties go to the higher (newer) step."""
        sign = 1 if mode == "min" else -1
        run = self._runs.get(run_id, {})
        return sorted(run, key=lambda s: (sign * run[s].metric, -s))

    def best(self, run_id: str, k: int, mode: str = "min") -> list[int]:
        _check_mode(mode)
        if not isinstance(k, int) or k < 0:
            raise ValueError(f"k must be an int >= 0, got {k!r}")
        return self._ranked(run_id, mode)[:k]

    def set_retention(self, run_id: str, keep_last: int | None = None,
                      keep_best: int | None = None, mode: str = "min") -> list[int]:
        _check_count("keep_last", keep_last)
        _check_count("keep_best", keep_best)
        _check_mode(mode)
        if keep_last is None and keep_best is None:
            self._policy.pop(run_id, None)
            return []
        self._policy[run_id] = (keep_last, keep_best, mode)
        return self._apply_retention(run_id)

    def _apply_retention(self, run_id: str) -> list[int]:
        """Remove the run's checkpoints its policy does not keep; return their steps."""
        if run_id not in self._policy or run_id not in self._runs:
            return []
        keep_last, keep_best, mode = self._policy[run_id]
        steps = sorted(self._runs[run_id])
        keep = set(steps[-keep_last:]) if keep_last else set()
        if keep_best:
            keep |= set(self._ranked(run_id, mode)[:keep_best])
        dropped = [s for s in steps if s not in keep]
        for step in dropped:
            self._remove(run_id, step)
        return dropped

    # ---- level 3 ----
    def _all(self) -> list[tuple[str, int, _Checkpoint]]:
        return [(r, s, c) for r, run in self._runs.items() for s, c in run.items()]

    def _due(self, run_id: str, checkpoint: _Checkpoint) -> int | None:
        """When the checkpoint expires, or None if it never does."""
        ttl = self._ttl.get(run_id)
        return None if ttl is None else checkpoint.saved_at + ttl

    def _advance(self, now: int) -> list[tuple[str, int]]:
        """Move the clock to now and remove every checkpoint that is due."""
        self._clock = now
        expired = [(r, s) for r, s, c in self._all()
                   if (due := self._due(r, c)) is not None and due <= now]
        for run_id, step in expired:
            self._remove(run_id, step)
        return expired

    def tick(self, now: int) -> list[tuple[str, int]]:
        if not isinstance(now, int) or now < self._clock:
            raise ValueError(f"time cannot go back: clock {self._clock}, now {now!r}")
        return sorted(self._advance(now))

    def set_ttl(self, run_id: str, ttl: int | None) -> list[int]:
        _check_count("ttl", ttl)
        if ttl is None:
            self._ttl.pop(run_id, None)
            return []
        self._ttl[run_id] = ttl
        return sorted(s for r, s in self._advance(self._clock) if r == run_id)

    def expires_at(self, run_id: str, step: int) -> int | None:
        checkpoint = self._runs.get(run_id, {}).get(step)
        return None if checkpoint is None else self._due(run_id, checkpoint)
