"""Cross-checks for quantisation/nf4: the vectorised reference against a plain-Python loop over
blocks, levels and nibbles, and (when installed) bitsandbytes' NF4 code table."""

from __future__ import annotations

import pytest
import torch
from itemload import item_dir, reference, wrong

ITEM = "quantisation/nf4"
ref = reference(ITEM)

# Typed in from the QLoRA paper's table; compared with the reference's own copy below.
LEVELS = [-1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453,
          -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0,
          0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
          0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0]


def loop_quantize(values: list[float], block_size: int):
    levels = torch.tensor(LEVELS).tolist()
    codes, absmax = [], []
    for start in range(0, len(values), block_size):
        block = values[start:start + block_size]
        a = torch.tensor(max(abs(v) for v in block), dtype=torch.float32)
        absmax.append(a.item())
        for v in block:
            vn = (torch.tensor(v, dtype=torch.float32) / (a if a > 0 else 1.0)).item()
            codes.append(min(range(16), key=lambda j: (abs(vn - levels[j]), j)))
    packed = [codes[i] * 16 + codes[i + 1] for i in range(0, len(codes), 2)]
    return packed, absmax


def loop_dequantize(packed: list[int], absmax: list[float], block_size: int):
    out = []
    for k, byte in enumerate(packed):
        for i, code in ((2 * k, byte // 16), (2 * k + 1, byte % 16)):
            out.append((torch.tensor(LEVELS[code]) * torch.tensor(absmax[i // block_size])).item())
    return out


def test_level_table():
    assert ref.NF4_LEVELS.tolist() == torch.tensor(LEVELS).tolist()
    assert ref.NF4_LEVELS[7].item() == 0.0


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("shape,block_size", [((4, 64), 64), ((3, 50), 64), ((130,), 32),
                                              ((2, 3, 10), 16)])
def test_matches_loop(seed, shape, block_size):
    x = torch.randn(*shape, generator=torch.Generator().manual_seed(seed)) * (seed + 0.5)
    if seed == 0:
        x.reshape(-1)[:block_size] = 0.0  # an all-zero block
    packed, absmax = ref.nf4_quantize(x, block_size)
    want_packed, want_absmax = loop_quantize(x.reshape(-1).tolist(), block_size)
    assert packed.dtype == torch.uint8 and absmax.dtype == torch.float32
    assert packed.tolist() == want_packed
    assert absmax.tolist() == want_absmax
    deq = ref.nf4_dequantize(packed, absmax, shape, block_size)
    assert deq.shape == shape and deq.dtype == torch.float32
    assert deq.reshape(-1).tolist() == loop_dequantize(want_packed, want_absmax, block_size)


def test_dequantize_arbitrary_bytes():
    g = torch.Generator().manual_seed(9)
    packed = torch.randint(0, 256, (40,), generator=g, dtype=torch.uint8)
    absmax = torch.rand(3, generator=g) * 4
    got = ref.nf4_dequantize(packed, absmax, (80,), 32)
    assert got.tolist() == loop_dequantize(packed.tolist(), absmax.tolist(), 32)


def test_prompt_example():
    packed, absmax = ref.nf4_quantize(torch.tensor([0.5, -2.0, 0.0, 1.1]), 4)
    assert packed.tolist() == [160, 125] and absmax.tolist() == [2.0]


def test_matches_bitsandbytes_table():
    functional = pytest.importorskip("bitsandbytes.functional")
    table = functional.get_4bit_type("nf4", device="cpu")
    torch.testing.assert_close(ref.NF4_LEVELS, table.float())


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees_with_the_loop(name):
    bad = wrong(ITEM, name)
    x = torch.randn(3, 50, generator=torch.Generator().manual_seed(0))
    x[0, 20] = 30.0
    x[1, 30] = -30.0
    x[2] = 0.0
    x[2, 2:] = 0.0
    packed, absmax = bad.nf4_quantize(x, 32)
    want_packed, want_absmax = loop_quantize(x.reshape(-1).tolist(), 32)
    disagrees = packed.tolist() != want_packed or absmax.tolist() != want_absmax
    g = torch.Generator().manual_seed(1)
    bytes_, scales = torch.randint(0, 256, (75,), generator=g, dtype=torch.uint8), torch.rand(5) + 1
    try:
        got = bad.nf4_dequantize(bytes_, scales, (3, 50), 32).reshape(-1).tolist()
    except IndexError:  # blocks cut per row need more scales than the flat layout has
        got = None
    disagrees |= got != loop_dequantize(bytes_.tolist(), scales.tolist(), 32)
    assert disagrees
