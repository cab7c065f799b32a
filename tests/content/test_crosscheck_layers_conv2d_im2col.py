"""The im2col conv reference agrees with F.conv2d and torch autograd (forward, dx, dw, db),
its im2col with F.unfold, and its col2im with F.fold."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "layers/conv2d-im2col"
ref = reference(ITEM)

CONFIGS = [
    # (B, C, H, W, F, kh, kw, stride, padding)
    (2, 3, 6, 7, 4, 3, 3, 1, 0),
    (2, 2, 7, 8, 3, 3, 3, 2, 1),
    (1, 2, 6, 6, 2, 3, 3, 2, 0),
    (2, 2, 8, 9, 3, 2, 2, 3, 0),
    (2, 3, 5, 6, 2, 2, 4, 1, 2),
    (3, 4, 3, 5, 2, 1, 1, 1, 0),
    (1, 1, 3, 4, 2, 5, 6, 1, 1),
    (2, 3, 9, 7, 5, 4, 3, 2, 3),
]


def make(config, seed):
    B, C, H, W, Fo, kh, kw, stride, padding = config
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((B, C, H, W))
    w = rng.standard_normal((Fo, C, kh, kw))
    b = rng.standard_normal(Fo)
    return x, w, b, stride, padding, rng


def torch_grads(x, w, b, stride, padding, dy):
    xt, wt, bt = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
    y = F.conv2d(xt, wt, bt, stride=stride, padding=padding)
    y.backward(torch.tensor(dy))
    return y.detach().numpy(), xt.grad.numpy(), wt.grad.numpy(), bt.grad.numpy()


@pytest.mark.parametrize("config", CONFIGS)
def test_matches_torch_autograd(config):
    x, w, b, stride, padding, rng = make(config, 0)
    y, cache = ref.conv2d_forward(x, w, b, stride, padding)
    dy = rng.standard_normal(y.shape)
    ours = (y, *ref.conv2d_backward(dy, cache))
    theirs = torch_grads(x, w, b, stride, padding, dy)
    for name, a, t in zip(["y", "dx", "dw", "db"], ours, theirs, strict=True):
        assert a.shape == t.shape, name
        np.testing.assert_allclose(a, t, atol=1e-11, rtol=1e-10, err_msg=name)


@pytest.mark.parametrize("config", CONFIGS)
def test_im2col_is_unfold_and_col2im_is_fold(config):
    x, w, _, stride, padding, rng = make(config, 1)
    kh, kw = w.shape[2:]
    cols = ref.im2col(x, kh, kw, stride, padding)
    theirs = F.unfold(torch.tensor(x), (kh, kw), padding=padding, stride=stride).numpy()
    np.testing.assert_array_equal(cols, theirs)
    g = rng.standard_normal(cols.shape)
    back = ref.col2im(g, x.shape, kh, kw, stride, padding)
    # F.fold sums every column entry back onto its pixel (and drops padding): col2im.
    folded = F.fold(torch.tensor(g), x.shape[2:], (kh, kw), padding=padding, stride=stride)
    np.testing.assert_allclose(back, folded.numpy(), atol=1e-12, rtol=1e-12)
    # adjointness: <im2col(x), g> == <x, col2im(g)>
    assert np.isclose((cols * g).sum(), (x * back).sum(), rtol=1e-11)


def test_float32_keeps_dtype():
    x, w, b, stride, padding, rng = make(CONFIGS[1], 2)
    x, w, b = (a.astype(np.float32) for a in (x, w, b))
    y, cache = ref.conv2d_forward(x, w, b, stride, padding)
    dx, dw, db = ref.conv2d_backward(rng.standard_normal(y.shape).astype(np.float32), cache)
    assert {a.dtype for a in (y, dx, dw, db)} == {np.dtype(np.float32)}


@pytest.mark.parametrize("variant", ["col2im_overwrites", "crop_negative_index",
                                     "dw_first_image_only", "db_averaged", "rows_tap_major",
                                     "dx_without_transpose"])
def test_wrong_variants_disagree_with_torch(variant):
    mod = wrong(ITEM, variant)
    disagree = False
    for config in (CONFIGS[0], CONFIGS[1]):
        x, w, b, stride, padding, rng = make(config, 3)
        y, cache = mod.conv2d_forward(x, w, b, stride, padding)
        dy = rng.standard_normal(y.shape)
        ours = (y, *mod.conv2d_backward(dy, cache))
        theirs = torch_grads(x, w, b, stride, padding, dy)
        disagree |= any(a.shape != t.shape or not np.allclose(a, t, atol=1e-8)
                        for a, t in zip(ours, theirs, strict=True))
    assert disagree
