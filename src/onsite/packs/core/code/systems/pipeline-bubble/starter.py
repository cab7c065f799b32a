def bubble_fraction(p: int, m: int) -> float:
    """Share of a batch's total time that each of p stages is idle with m micro-batches."""
    raise NotImplementedError("idle steps over total steps")


def gpipe_schedule(p: int, m: int) -> list[list[str | None]]:
    """table[stage][step]: "F<j>", "B<j>" or None, over 2 * (m + p - 1) steps."""
    raise NotImplementedError("place each forward and backward at its time step")
