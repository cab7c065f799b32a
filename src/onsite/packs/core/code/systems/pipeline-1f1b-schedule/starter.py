Op = tuple[str, int]


def one_f_one_b(P: int, M: int) -> tuple[list[list[Op | None]], float, list[int]]:
    """The 1F1B timeline for P stages and M micro-batches: (table, bubble, peak_in_flight).
    table[s][t] is ("F", m), ("B", m) or None; all rows have the same length."""
    raise NotImplementedError("fix each stage's order, then give every op its earliest slot")


def is_valid(table: list[list[Op | None]], P: int, M: int) -> bool:
    """True iff the table runs every F and B of every micro-batch once per stage, with all
    dependencies strictly earlier."""
    raise NotImplementedError
