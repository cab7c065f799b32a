class CheckpointStore:
    """Model checkpoints per run and step (level 1 of 4)."""

    def __init__(self) -> None:
        raise NotImplementedError

    def save(self, run_id: str, step: int, size: int, metric: float) -> None:
        """Store a checkpoint; an existing (run_id, step) is replaced."""
        raise NotImplementedError

    def get(self, run_id: str, step: int) -> tuple[int, float] | None:
        """(size, metric) of the checkpoint, or None."""
        raise NotImplementedError

    def delete(self, run_id: str, step: int) -> bool:
        """Remove the checkpoint; False if it did not exist."""
        raise NotImplementedError

    def steps(self, run_id: str) -> list[int]:
        """The run's checkpoint steps, ascending."""
        raise NotImplementedError

    def latest(self, run_id: str) -> int | None:
        """The run's highest checkpoint step, or None."""
        raise NotImplementedError

    def total_size(self) -> int:
        """The sum of the sizes of every stored checkpoint."""
        raise NotImplementedError
