from onsite.judge.cases import case


def idle_share(table):
    cells = [cell for row in table for cell in row]
    return sum(cell is None for cell in cells) / len(cells) if cells else None


@case("bubble fraction for a grid of (p, m)", atol=1e-12, rtol=1e-12)
def fractions(sub):
    grid = [(1, 1), (1, 8), (2, 1), (4, 1), (4, 4), (4, 8), (8, 32), (16, 64), (64, 1024)]
    # float(): a Fraction is a fine answer but not plain data.
    return {f"p={p}, m={m}": float(sub.bubble_fraction(p, m)) for p, m in grid}


@case("schedule p = 2, m = 3 (the worked example)")
def example(sub):
    table = sub.gpipe_schedule(2, 3)
    return {"table": [list(row) for row in table]}


@case("schedule p = 4, m = 8; its idle share equals the bubble fraction", atol=1e-12, rtol=1e-12)
def four_by_eight(sub):
    table = [list(row) for row in sub.gpipe_schedule(4, 8)]
    return {"table": table, "idle share of the table": idle_share(table),
            "bubble_fraction(4, 8)": float(sub.bubble_fraction(4, 8))}


@case("one stage: no bubble; one micro-batch: stages strictly take turns", atol=1e-12, rtol=1e-12)
def edges(sub):
    one_stage = [list(row) for row in sub.gpipe_schedule(1, 5)]
    one_micro = [list(row) for row in sub.gpipe_schedule(3, 1)]
    return {"p=1, m=5": one_stage, "p=3, m=1": one_micro,
            "bubble p=1, m=5": float(sub.bubble_fraction(1, 5)),
            "bubble p=3, m=1": float(sub.bubble_fraction(3, 1))}


@case("schedule p = 5, m = 2 (more stages than micro-batches)")
def deep(sub):
    return {"table": [list(row) for row in sub.gpipe_schedule(5, 2)]}


@case("schedule p = 8, m = 16: a realistic pipeline", atol=1e-12, rtol=1e-12)
def realistic(sub):
    table = [list(row) for row in sub.gpipe_schedule(8, 16)]
    return {"table": table, "idle share of the table": idle_share(table),
            "bubble_fraction(8, 16)": float(sub.bubble_fraction(8, 16))}
