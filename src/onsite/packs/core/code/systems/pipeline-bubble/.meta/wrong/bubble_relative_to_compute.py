"""Uses (p - 1) / m, idle time relative to compute time, instead of the share of total time."""
def bubble_fraction(p: int, m: int) -> float:
    # Each stage is busy 2m of 2(m + p - 1) steps; the rest is the pipeline filling and draining.
    return (p - 1) / m


def gpipe_schedule(p: int, m: int) -> list[list[str | None]]:
    steps = 2 * (m + p - 1)
    table: list[list[str | None]] = [[None] * steps for _ in range(p)]  # one list per stage
    for s in range(p):
        for j in range(m):
            # Micro-batch j reaches stage s after s hops, one step each.
            table[s][s + j] = f"F{j}"
            # Backward: starts after every forward (step m + p - 1), flows from the last stage to
            # the first, latest micro-batch first.
            table[s][(m + p - 1) + (p - 1 - s) + (m - 1 - j)] = f"B{j}"
    return table
