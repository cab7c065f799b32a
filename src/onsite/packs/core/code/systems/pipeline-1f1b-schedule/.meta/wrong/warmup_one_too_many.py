"""Starts stage s with P - s warm-up forwards instead of P - 1 - s: one extra micro-batch in
flight on every stage and a different timeline.
"""
Op = tuple[str, int]


def stage_order(P: int, M: int, s: int) -> list[Op]:
    """The fixed order of work on stage s: warm-up forwards, then one-forward-one-backward
    pairs, then the remaining backwards."""
    warmup = min(P - s, M)
    order = [("F", m) for m in range(warmup)]
    for i in range(M - warmup):
        order += [("F", warmup + i), ("B", i)]
    order += [("B", m) for m in range(M - warmup, M)]
    return order


def one_f_one_b(P: int, M: int) -> tuple[list[list[Op | None]], float, list[int]]:
    orders = [stage_order(P, M, s) for s in range(P)]
    slot: dict[tuple[str, int, int], int] = {}   # (kind, m, stage) -> time slot
    pos = [0] * P                                # next op of each stage
    free_at = [0] * P                            # first slot each stage is free
    remaining = 2 * M * P
    while remaining:
        progressed = False
        for s in range(P):
            if pos[s] == len(orders[s]):
                continue
            kind, m = orders[s][pos[s]]
            if kind == "F":
                dep = ("F", m, s - 1) if s > 0 else None
            else:
                dep = ("B", m, s + 1) if s < P - 1 else ("F", m, s)
            if dep is not None and dep not in slot:
                continue                         # its input is not computed yet
            t = max(free_at[s], slot[dep] + 1 if dep else 0)
            slot[(kind, m, s)] = t
            free_at[s] = t + 1
            pos[s] += 1
            remaining -= 1
            progressed = True
        assert progressed, "the per-stage orders deadlock"

    total = max(slot.values()) + 1
    table: list[list[Op | None]] = [[None] * total for _ in range(P)]
    for (kind, m, s), t in slot.items():
        table[s][t] = (kind, m)
    bubble = (P * total - 2 * P * M) / (P * total)   # idle share of all stage-slots

    peak = []
    for row in table:
        live = best = 0
        for op in row:
            if op is not None:
                live += 1 if op[0] == "F" else -1
                best = max(best, live)
        peak.append(best)
    return table, bubble, peak


def is_valid(table: list[list[Op | None]], P: int, M: int) -> bool:
    if len(table) != P:
        return False
    when: dict[tuple[str, int, int], int] = {}
    for s, row in enumerate(table):
        for t, op in enumerate(row):
            if op is None:
                continue
            kind, m = op
            key = (kind, m, s)
            if kind not in ("F", "B") or not 0 <= m < M or key in when:
                return False
            when[key] = t
    if len(when) != 2 * P * M:
        return False                             # something missing
    for (kind, m, s), t in when.items():
        if kind == "F" and s > 0 and not when[("F", m, s - 1)] < t:
            return False
        if kind == "B":
            before = ("B", m, s + 1) if s < P - 1 else ("F", m, s)
            if not when[before] < t:
                return False
    return True
