class ExperimentTracker:
    """Metrics logged per run and step (level 1 of 4)."""

    def __init__(self) -> None:
        raise NotImplementedError

    def log(self, run_id: str, metric: str, value: float, step: int) -> None:
        """Record value for (run_id, metric, step); an existing step is overwritten."""
        raise NotImplementedError

    def get(self, run_id: str, metric: str, step: int) -> float | None:
        """The value at that step, or None."""
        raise NotImplementedError

    def latest(self, run_id: str, metric: str) -> float | None:
        """The value at the run's highest step of that metric, or None."""
        raise NotImplementedError

    def delete_run(self, run_id: str) -> bool:
        """Remove the run and everything logged to it; False if it did not exist."""
        raise NotImplementedError

    def runs(self) -> list[str]:
        """Every run id, sorted."""
        raise NotImplementedError
