import torch

from onsite.judge.cases import case


@case("50 positions, d_model=16 (float32)", atol=1e-5, rtol=1e-5)
def typical(sub):
    return {"pe": sub.sinusoidal_positions(50, 16)}


@case("odd d_model=7: the last column is a lone sine", atol=1e-5, rtol=1e-5)
def odd(sub):
    return {"pe": sub.sinusoidal_positions(20, 7)}


@case("d_model=1: a single sine column", atol=1e-5, rtol=1e-5)
def one_column(sub):
    return {"pe": sub.sinusoidal_positions(10, 1)}


@case("one position: p = 0 only", atol=1e-6, rtol=1e-5)
def one_position(sub):
    return {"pe": sub.sinusoidal_positions(1, 10)}


@case("base 100 instead of 10000, d_model=6", atol=1e-5, rtol=1e-5)
def other_base(sub):
    return {"pe": sub.sinusoidal_positions(30, 6, base=100.0)}


@case("2048 positions, d_model=64, float64 (angles must be accurate)", atol=1e-10, rtol=1e-9,
      strict_dtype=True)
def long_float64(sub):
    pe = sub.sinusoidal_positions(2048, 64, dtype=torch.float64)
    # Rows far apart: position 2047 is where float32 angles go wrong.
    return {"pe_first_rows": pe[:4], "pe_last_rows": pe[-4:], "pe_column_sums": pe.sum(0)}


@case("float32 output for long sequences (angles computed in float64)", atol=1e-6, rtol=1e-5,
      strict_dtype=True)
def long_float32(sub):
    # atol 1e-6: float32 rounding of values in [-1, 1] is below 6e-8; float32 angles at
    # p ~ 4000 are off by up to 2e-4, which this case is meant to catch.
    pe = sub.sinusoidal_positions(4096, 32)
    return {"pe_last_rows": pe[-8:]}


@case("invariant: rows of a sine-cosine pair lie on the unit circle", atol=1e-6, rtol=1e-5)
def unit_circle(sub):
    pe = sub.sinusoidal_positions(40, 12, dtype=torch.float64)
    return {"pair_norms": pe[:, 0::2] ** 2 + pe[:, 1::2] ** 2, "pe": pe}
