import torch

from onsite.judge.cases import case

LEVELS = [-1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453,
          -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0,
          0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
          0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0]


def randn(*shape, seed, dtype=torch.float32, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype) * scale


def roundtrip(sub, x, block_size=64, suffix=""):
    packed, absmax = sub.nf4_quantize(x.clone(), block_size)
    deq = sub.nf4_dequantize(packed.clone(), absmax.clone(), tuple(x.shape), block_size)
    return {f"packed{suffix}": packed, f"absmax{suffix}": absmax, f"dequantized{suffix}": deq}


@case("a (4, 64) weight: one block per row", atol=1e-7, rtol=1e-6)
def basic(sub):
    return roundtrip(sub, randn(4, 64, seed=0, scale=0.02))


@case("blocks cross rows: (3, 96) is 4 full blocks and one of 32", atol=1e-7, rtol=1e-6)
def ragged(sub):
    x = randn(3, 96, seed=1) * torch.tensor([[0.1], [1.0], [10.0]])
    return roundtrip(sub, x)


@case("the levels themselves (times 3) quantise exactly", atol=1e-6, rtol=1e-6)
def exact_levels(sub):
    # Codes 0..15 then 15..0: bytes 0x01, 0x23, ... and 0xfe, 0xdc, ...
    levels = torch.tensor(LEVELS)
    x = torch.cat([levels, levels.flip(0)]) * 3.0
    return roundtrip(sub, x, block_size=32)


@case("an all-zero block: absmax 0, every code is the zero level (7)", atol=0, rtol=0)
def zero_block(sub):
    x = randn(128, seed=2)
    x[64:] = 0.0
    return roundtrip(sub, x)


@case("block sizes 32 and 128", atol=1e-7, rtol=1e-6)
def block_sizes(sub):
    x = randn(2, 128, seed=3)
    return {**roundtrip(sub, x, 32, suffix="_bs32"), **roundtrip(sub, x, 128, suffix="_bs128")}


@case("dequantise arbitrary bytes: high nibble first", atol=1e-7, rtol=1e-6)
def dequantize_only(sub):
    g = torch.Generator().manual_seed(4)
    packed = torch.randint(0, 256, (48,), generator=g, dtype=torch.uint8)
    absmax = torch.rand(3, generator=g) * 5
    return {"dequantized": sub.nf4_dequantize(packed, absmax, (4, 24), 32)}


@case("an outlier only spoils its own block", atol=1e-7, rtol=1e-6)
def outlier(sub):
    x = randn(256, seed=5)
    x[70] = 200.0
    out = roundtrip(sub, x)
    err = (out["dequantized"] - x).abs().reshape(4, 64).amax(dim=1)
    return {**out, "max_error_per_block": err}


@case("float64 input is quantised in float32", atol=1e-7, rtol=1e-6, strict_dtype=True)
def float64(sub):
    return roundtrip(sub, randn(2, 64, seed=6, dtype=torch.float64))


@case("values near level midpoints pick the nearest level", atol=1e-7, rtol=1e-6)
def midpoints(sub):
    # Just above and just below each midpoint (by 1e-4), with absmax 1 from the first entry.
    levels = torch.tensor(LEVELS)
    mids = (levels[1:] + levels[:-1]) / 2
    x = torch.cat([torch.tensor([1.0]), mids + 1e-4, mids - 1e-4, torch.tensor([0.0])])
    return roundtrip(sub, x)
