"""Cross-checks for decoding/greedy-decoding: the batched reference against decoding each row
on its own with plain Python lists, an independent argmax, and the stated stopping rule."""

from __future__ import annotations

import pytest
import torch
from itemload import item_dir, load_module, reference, wrong

ITEM = "decoding/greedy-decoding"
ref = reference(ITEM)
cases = load_module(item_dir(ITEM) / ".meta/cases.py")


def row_by_row(model, prompts: list[list[int]], max_new: int, eos: int, pad: int):
    """Decode each row alone; then pad every row to the longest and count the batched steps."""
    generated = []
    for prompt in prompts:
        seq, new = list(prompt), []
        while len(new) < max_new:
            scores = model(torch.tensor([seq]))[0].tolist()
            best = max(range(len(scores)), key=lambda v: (scores[v], -v))  # lowest id on ties
            seq.append(best)
            new.append(best)
            if best == eos:
                break
        generated.append(new)
    steps = max((len(g) for g in generated), default=0)
    return [p + g + [pad] * (steps - len(g)) for p, g in zip(prompts, generated, strict=True)], steps


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("max_new", [0, 1, 5, 12])
def test_matches_row_by_row(seed, max_new):
    V = 6 + seed
    integer = seed % 3 == 0
    model = cases.ToyLM(V, seed=seed, eos_id=V - 1, ramp=0.2, integer=integer)
    oracle = cases.ToyLM(V, seed=seed, eos_id=V - 1, ramp=0.2, integer=integer)
    prompts = cases.prompts(5, 1 + seed % 4, V, seed=100 + seed, avoid=V - 1)
    got = ref.greedy_decode(model, prompts, max_new, V - 1, 0)
    want, steps = row_by_row(oracle, prompts.tolist(), max_new, V - 1, 0)
    assert got.dtype == torch.int64
    assert got.tolist() == want
    assert len(model.lengths) == steps
    assert model.lengths == [prompts.shape[1] + i for i in range(steps)]


def test_prompt_example():
    script = {2: [3, 1], 3: [2, 1], 4: [1, 3]}

    def model(ids):
        logits = torch.zeros(ids.shape[0], 4)
        for b, tok in enumerate(script[ids.shape[1]]):
            logits[b, tok] = 1.0
        return logits

    out = ref.greedy_decode(model, torch.tensor([[1, 2], [2, 2]]), 5, 3, 0)
    assert out.tolist() == [[1, 2, 3, 0, 0], [2, 2, 1, 1, 3]]


WRONG = sorted(p.stem for p in (item_dir(ITEM) / ".meta/wrong").glob("*.py"))


@pytest.mark.parametrize("name", WRONG)
def test_each_wrong_variant_disagrees(name):
    bad = wrong(ITEM, name)
    disagrees = False
    for seed in range(6):
        V = 10
        model = cases.ToyLM(V, seed=seed, eos_id=3, ramp=0.25)
        oracle = cases.ToyLM(V, seed=seed, eos_id=3, ramp=0.25)
        prompts = cases.prompts(4, 3, V, seed=seed)
        prompts[0, -1] = 3
        got = bad.greedy_decode(model, prompts, 15, 3, 0)
        want, steps = row_by_row(oracle, prompts.tolist(), 15, 3, 0)
        disagrees |= got.tolist() != want or len(model.lengths) != steps
    assert disagrees
