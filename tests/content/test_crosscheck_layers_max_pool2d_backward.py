"""The max-pool reference agrees with F.max_pool2d and torch autograd on tie-free inputs,
and with a per-window argmax loop (first maximum) on inputs full of ties."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "layers/max-pool2d-backward"
ref = reference(ITEM)

CONFIGS = [((2, 3, 6, 8), 2, None), ((2, 2, 7, 9), 3, 2), ((2, 2, 6, 6), 3, 1),
           ((1, 3, 7, 5), 2, None), ((2, 1, 8, 8), 2, 3), ((3, 4, 5, 5), 5, None),
           ((1, 1, 1, 1), 1, None), ((2, 2, 9, 4), 4, 1)]


def run(mod, x, kernel, stride, dy_seed=0):
    y, cache = mod.maxpool2d_forward(x, kernel, stride)
    dy = np.random.default_rng(dy_seed).standard_normal(y.shape)
    return y, dy, mod.maxpool2d_backward(dy, cache)


def torch_pool(x, kernel, stride, dy):
    xt = torch.tensor(x, requires_grad=True)
    y = F.max_pool2d(xt, kernel, stride)
    y.backward(torch.tensor(dy))
    return y.detach().numpy(), xt.grad.numpy()


@pytest.mark.parametrize("shape,kernel,stride", CONFIGS)
@pytest.mark.parametrize("seed", [0, 1])
def test_matches_torch_without_ties(shape, kernel, stride, seed):
    # Continuous random values: ties have probability zero.
    x = np.random.default_rng(seed).standard_normal(shape)
    y, dy, dx = run(ref, x, kernel, stride, seed)
    ty, tdx = torch_pool(x, kernel, stride, dy)
    np.testing.assert_array_equal(y, ty)
    np.testing.assert_allclose(dx, tdx, atol=1e-14, rtol=1e-12)


def loop_oracle(x, kernel, stride, dy):
    """One window at a time; np.argmax over the flattened window returns the first maximum."""
    s = kernel if stride is None else stride
    B, C, H, W = x.shape
    Ho, Wo = (H - kernel) // s + 1, (W - kernel) // s + 1
    y = np.zeros((B, C, Ho, Wo))
    dx = np.zeros_like(x)
    for b in range(B):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    win = x[b, c, i * s:i * s + kernel, j * s:j * s + kernel]
                    k = int(np.argmax(win))
                    u, v = divmod(k, kernel)
                    y[b, c, i, j] = win[u, v]
                    dx[b, c, i * s + u, j * s + v] += dy[b, c, i, j]
    return y, dx


@pytest.mark.parametrize("shape,kernel,stride", CONFIGS)
def test_matches_loop_with_ties(shape, kernel, stride):
    x = np.random.default_rng(7).integers(-1, 2, size=shape).astype(np.float64)
    y, dy, dx = run(ref, x, kernel, stride, 3)
    oy, odx = loop_oracle(x, kernel, stride, dy)
    np.testing.assert_array_equal(y, oy)
    np.testing.assert_allclose(dx, odx, atol=1e-14, rtol=1e-12)


def test_float32_keeps_dtype():
    x = np.random.default_rng(4).standard_normal((2, 2, 6, 6)).astype(np.float32)
    y, cache = ref.maxpool2d_forward(x, 2)
    dx = ref.maxpool2d_backward(np.ones_like(y), cache)
    assert y.dtype == dx.dtype == np.float32


@pytest.mark.parametrize("variant", ["last_max_on_ties", "all_tied_maxima",
                                     "overwrite_not_accumulate", "max_starts_at_zero",
                                     "default_stride_one"])
def test_wrong_variants_disagree(variant):
    mod = wrong(ITEM, variant)
    disagree = False
    inputs = [(np.random.default_rng(5).integers(0, 3, size=(2, 2, 6, 6)).astype(float), 2, None),
              (np.random.default_rng(6).standard_normal((2, 2, 7, 7)), 3, 1),
              (-np.abs(np.random.default_rng(8).standard_normal((1, 2, 4, 4))) - 1, 2, None)]
    for x, kernel, stride in inputs:
        y, dy, dx = run(mod, x, kernel, stride)
        oy, _ = loop_oracle(x, kernel, stride, np.zeros_like(x))
        if y.shape != oy.shape:
            disagree = True
            continue
        _, odx = loop_oracle(x, kernel, stride, dy)
        disagree |= not np.allclose(y, oy) or not np.allclose(dx, odx)
    assert disagree
