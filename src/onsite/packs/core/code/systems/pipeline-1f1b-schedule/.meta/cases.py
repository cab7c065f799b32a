from onsite.judge.cases import case


def text(table):
    """Rows of 'F3' / 'B0' / '.' strings: easy to compare and to read in a failure."""
    return [["." if op is None else f"{op[0]}{op[1]}" for op in row] for row in table]


def schedule_obs(sub, P, M):
    table, bubble, peak = sub.one_f_one_b(P, M)
    return {"table": text(table), "bubble": float(bubble), "peak_in_flight": list(peak)}


def gpipe(P, M):
    """All forwards, then all backwards (latest micro-batch first): valid, but not 1F1B."""
    T = 2 * (M + P - 1)
    table = [[None] * T for _ in range(P)]
    for s in range(P):
        for m in range(M):
            table[s][s + m] = ("F", m)
            table[s][(M + P - 1) + (P - 1 - s) + (M - 1 - m)] = ("B", m)
    return table


def copy(table):
    return [list(row) for row in table]


def move(table, s, t_from, t_to):
    out = copy(table)
    assert out[s][t_to] is None, "only move work into an idle slot"
    out[s][t_to], out[s][t_from] = out[s][t_from], None
    return out


# Integers and strings compare exactly; only the bubble is a float (default tolerance).


@case("P=4 stages, M=8 micro-batches")
def p4_m8(sub):
    return schedule_obs(sub, 4, 8)


@case("P=4, M=4: no steady 1F1B phase on stage 0 beyond one pair")
def p4_m4(sub):
    return schedule_obs(sub, 4, 4)


@case("fewer micro-batches than stages: P=5, M=2 (warm-up capped at M)")
def p5_m2(sub):
    return schedule_obs(sub, 5, 2)


@case("one stage (P=1): F, B, F, B, ... with no bubble")
def p1(sub):
    return schedule_obs(sub, 1, 5)


@case("one micro-batch (M=1): forward down, backward up")
def m1(sub):
    return schedule_obs(sub, 6, 1)


@case("P=3, M=10 and P=8, M=16")
def larger(sub):
    a, b = schedule_obs(sub, 3, 10), schedule_obs(sub, 8, 16)
    return {**{f"P3 {k}": v for k, v in a.items()}, **{f"P8 {k}": v for k, v in b.items()}}


@case("validator accepts valid schedules (GPipe, padded, and a hand-checked 1F1B)")
def validator_accepts(sub):
    onefb = [
        [("F", 0), ("F", 1), None, ("B", 0), ("F", 2), ("B", 1), None, ("B", 2), None, None],
        [None, ("F", 0), ("B", 0), ("F", 1), ("B", 1), ("F", 2), ("B", 2), None, None, None],
    ]
    padded = [row + [None, None] for row in gpipe(3, 2)]
    late = [row[:2] + [None] + row[2:] for row in gpipe(2, 2)]   # an idle slot everywhere
    tables = [(gpipe(3, 4), 3, 4), (gpipe(1, 3), 1, 3), (onefb, 2, 3), (padded, 3, 2),
              (late, 2, 2)]
    return {"valid": [bool(sub.is_valid(t, P, M)) for t, P, M in tables]}


@case("validator rejects dependency violations")
def validator_dependencies(sub):
    base = gpipe(3, 2)        # stage rows: F at s+m, B at 4 + (2 - s) + (1 - m)
    same_slot_forward = move(base, 1, 1, 0)             # F0 on stage 1 together with stage 0
    early_forward = move(move(base, 2, 2, 1), 1, 1, 0)  # F0 runs before its input exists
    b_before_next = move(base, 1, 5, 3)                 # B1 on stage 1 before B1 on stage 2
    b_same_slot = move(base, 1, 5, 4)                   # ... or in the same slot
    last_b_first = move(base, 2, 4, 1)                  # last stage: B1 before its own F1
    tables = [same_slot_forward, early_forward, b_before_next, b_same_slot, last_b_first]
    return {"valid": [bool(sub.is_valid(t, 3, 2)) for t in tables]}


@case("validator rejects missing, duplicated and out-of-range work")
def validator_bookkeeping(sub):
    base = gpipe(2, 3)
    missing = copy(base)
    missing[0][-1] = None                              # B0 of stage 0 never runs
    duplicate = copy(base)
    duplicate[1][0] = ("F", 0)                         # F0 twice on stage 1 (slot 0 and 1)
    out_of_range = copy(base)
    out_of_range[0][2] = ("F", 3)                      # micro-batch 3 of M = 3
    extra_stage = copy(base) + [[None] * len(base[0])]
    bad_kind = copy(base)
    bad_kind[0][0] = ("W", 0)
    tables = [(missing, 2, 3), (duplicate, 2, 3), (out_of_range, 2, 3), (extra_stage, 2, 3),
              (bad_kind, 2, 3), (base, 2, 3)]
    return {"valid": [bool(sub.is_valid(t, P, M)) for t, P, M in tables]}
