"""The dropout reference against an element-by-element oracle using the same generator,
against torch's own dropout statistics, and the wrong variants against the oracle."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "layers/inverted-dropout"
ref = reference(ITEM)


def oracle(x, p, training, seed):
    """Plain Python: draw the stated numbers, then decide each element on its own."""
    g = torch.Generator().manual_seed(seed)
    if not training or p == 0:
        return x.clone(), g
    if p == 1:
        return torch.zeros_like(x), g
    u = torch.rand(x.shape, generator=g).flatten().tolist()
    flat = x.flatten().tolist()
    out = [v / (1 - p) if r >= p else 0.0 for v, r in zip(flat, u, strict=True)]
    return torch.tensor(out, dtype=x.dtype).view(x.shape), g


@pytest.mark.parametrize("p", [0.0, 0.1, 0.5, 0.9, 1.0])
@pytest.mark.parametrize("training", [True, False])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_matches_oracle_and_leaves_generator_in_the_same_state(p, training, dtype):
    x = torch.randn(3, 4, 5, generator=torch.Generator().manual_seed(1), dtype=dtype)
    g = torch.Generator().manual_seed(7)
    y = ref.dropout(x, p, training, g)
    want, g_oracle = oracle(x, p, training, 7)
    assert y.dtype == dtype
    torch.testing.assert_close(y, want)
    assert torch.equal(torch.rand(5, generator=g), torch.rand(5, generator=g_oracle))


def test_statistics_match_torch_dropout():
    """Same distribution as F.dropout: keep rate 1 - p, survivors scaled by 1 / (1 - p)."""
    x = torch.ones(200_000)
    ours = ref.dropout(x, 0.3, True, torch.Generator().manual_seed(0))
    torch.manual_seed(0)
    theirs = F.dropout(x, 0.3, training=True)
    assert set(ours.unique().tolist()) == set(theirs.unique().tolist())
    # 200k Bernoulli(0.7) draws: standard error of the keep rate ~0.001; 0.005 is five.
    assert abs((ours > 0).double().mean().item() - 0.7) < 0.005
    assert abs((theirs > 0).double().mean().item() - 0.7) < 0.005
    assert abs(ours.mean().item() - 1.0) < 0.01


def test_gradient_is_the_scaled_mask():
    x = torch.randn(6, 7, dtype=torch.float64, requires_grad=True)
    y = ref.dropout(x, 0.25, True, torch.Generator().manual_seed(3))
    y.sum().backward()
    keep = torch.rand(6, 7, generator=torch.Generator().manual_seed(3)) >= 0.25
    torch.testing.assert_close(x.grad, keep.double() / 0.75)


@pytest.mark.parametrize("variant", ["no_rescale", "keep_below_p", "drops_in_eval",
                                     "no_p_one_case", "bernoulli_draw", "draws_when_p_zero"])
def test_wrong_variants_disagree_with_oracle(variant):
    fn = wrong(ITEM, variant).dropout
    x = torch.randn(4, 6, generator=torch.Generator().manual_seed(2)) + 2
    disagree = False
    for p, training in [(0.3, True), (0.3, False), (1.0, True), (0.0, True)]:
        g = torch.Generator().manual_seed(5)
        y = fn(x, p, training, g)
        want, g_oracle = oracle(x, p, training, 5)
        disagree |= not torch.allclose(y, want) or not torch.equal(
            torch.rand(3, generator=g), torch.rand(3, generator=g_oracle))
    assert disagree
