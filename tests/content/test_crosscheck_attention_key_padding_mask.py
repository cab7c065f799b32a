"""attention/key-padding-mask: the reference against F.scaled_dot_product_attention (rows with real keys),
per-sequence attention on the sliced, unpadded tensors, and the all-zero convention for empty rows."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "attention/key-padding-mask"
ref = reference(ITEM)


def inputs(B, L, S, D, seed):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(B, L, D, generator=g, dtype=torch.float64) * 1.5,
            torch.randn(B, S, D, generator=g, dtype=torch.float64) * 1.5,
            torch.randn(B, S, D, generator=g, dtype=torch.float64))


def one_by_one(q, k, v, lengths):
    """Each sequence on its own, cut to its true length; an empty one gives zeros by convention."""
    outs = []
    for b, n in enumerate(lengths.tolist()):
        if n == 0:
            outs.append(torch.zeros(q.shape[1], v.shape[-1], dtype=q.dtype))
            continue
        outs.append(F.scaled_dot_product_attention(q[b:b + 1], k[b:b + 1, :n], v[b:b + 1, :n])[0])
    return torch.stack(outs)


@pytest.mark.parametrize("lengths", [[5, 2, 3], [5, 5, 5], [3, 0, 4], [0, 0, 0], [1, 1, 5]])
def test_matches_unpadded_sdpa(lengths):
    q, k, v = inputs(3, 4, 5, 8, seed=sum(lengths))
    lengths = torch.tensor(lengths)
    out, weights = ref.padded_attention(q, k, v, lengths)
    torch.testing.assert_close(out, one_by_one(q, k, v, lengths), atol=1e-12, rtol=1e-10)
    assert not torch.isnan(out).any() and not torch.isnan(weights).any()
    sums = weights.sum(-1)
    torch.testing.assert_close(sums, (lengths > 0).double()[:, None].expand_as(sums))


def test_matches_sdpa_with_bool_mask_and_gradients():
    q, k, v = (t.requires_grad_(True) for t in inputs(3, 3, 6, 4, seed=1))
    lengths = torch.tensor([6, 1, 4])
    mask = (torch.arange(6)[None, :] < lengths[:, None])[:, None, :]
    ours, _ = ref.padded_attention(q, k, v, lengths)
    theirs = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)
    for a, b in zip(torch.autograd.grad(ours.sum(), (q, k, v)), torch.autograd.grad(theirs.sum(), (q, k, v)),
                    strict=True):
        torch.testing.assert_close(a, b, atol=1e-12, rtol=1e-10)


def test_empty_sequence_gradients_are_zero_not_nan():
    q, k, v = (t.requires_grad_(True) for t in inputs(2, 3, 4, 4, seed=2))
    out, _ = ref.padded_attention(q, k, v, torch.tensor([0, 3]))
    out.sum().backward()
    for t in (q, k, v):
        assert torch.isfinite(t.grad).all()
        assert (t.grad[0] == 0).all()


@pytest.mark.parametrize("name", ["plain_neg_inf", "finite_fill", "off_by_one", "mask_after_softmax",
                                  "masks_queries"])
def test_wrong_variants_disagree(name):
    q, k, v = inputs(3, 4, 5, 8, seed=3)
    lengths = torch.tensor([3, 0, 4])
    bad, _ = wrong(ITEM, name).padded_attention(q, k, v, lengths)
    assert not torch.allclose(bad, one_by_one(q, k, v, lengths), atol=1e-6)
