from onsite.judge.cases import case

SMALL = [(5, 0, 1), (5, 5, 3), (5, 2, 1), (5, 2, 2), (5, 2, 4), (10, 3, 5), (10, 1, 10),
         (7, 4, 4), (20, 1, 1), (20, 19, 2), (3, 1, 3), (1, 1, 1), (1, 0, 1)]


@case("small problems: c = 0, c = n, n - c < k, k = 1, k = n", atol=1e-12, rtol=1e-10)
def small(sub):
    return {"pass_at_k": [float(sub.pass_at_k(n, c, k)) for n, c, k in SMALL]}


@case("n = 200 samples, k = 1, 10, 100", atol=1e-12, rtol=1e-9)
def n200(sub):
    out = {}
    for k in (1, 10, 100):
        out[f"pass_at_{k}"] = [float(sub.pass_at_k(200, c, k)) for c in (0, 1, 3, 17, 60, 101, 150, 200)]
    return out


@case("n = 1000, k = 500: binomials far beyond float range", atol=1e-12, rtol=1e-9)
def n1000(sub):
    return {"pass_at_k": [float(sub.pass_at_k(1000, c, k))
                          for c, k in ((1, 500), (2, 500), (10, 300), (0, 500), (600, 500), (3, 1))]}


@case("mean over problems with different sample counts", atol=1e-12, rtol=1e-10)
def mean(sub):
    n = [10, 200, 50, 10, 30]
    c = [0, 13, 49, 10, 2]
    return {"mean_pass_at_1": float(sub.mean_pass_at_k(n, c, 1)),
            "mean_pass_at_5": float(sub.mean_pass_at_k(n, c, 5)),
            "mean_pass_at_10": float(sub.mean_pass_at_k(n, c, 10)),
            "per_problem_at_5": [float(sub.pass_at_k(a, b, 5)) for a, b in zip(n, c, strict=True)]}


@case("one problem: the mean equals the single estimate", atol=1e-12, rtol=1e-10)
def single(sub):
    return {"values": [float(sub.mean_pass_at_k([16], [3], 4)), float(sub.pass_at_k(16, 3, 4))]}


@case("k > n raises ValueError", atol=0, rtol=0)
def invalid(sub):
    try:
        sub.pass_at_k(5, 2, 6)
    except ValueError:
        return {"raised": "ValueError"}
    except Exception as exc:  # noqa: BLE001 - report what was raised instead
        return {"raised": type(exc).__name__}
    return {"raised": "nothing"}


@case("pass@k grows with k and with c (monotone table, n = 40)", atol=1e-12, rtol=1e-10)
def table(sub):
    return {"table": [[float(sub.pass_at_k(40, c, k)) for k in (1, 2, 5, 10, 20, 40)]
                      for c in (0, 1, 2, 5, 20, 39)]}
