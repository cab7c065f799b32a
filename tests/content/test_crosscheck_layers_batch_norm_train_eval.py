"""The NumPy batch norm reference agrees with torch.nn.BatchNorm1d (outputs, running
statistics after several steps, train and eval) and with torch autograd for the gradients."""

import numpy as np
import pytest
import torch
from itemload import reference, wrong

ITEM = "layers/batch-norm-train-eval"
ref = reference(ITEM)


def compare(mod, shapes_modes, C, momentum=0.1, eps=1e-5, seed=0):
    """Run the same sequence of (shape, training) steps through ours and BatchNorm1d."""
    rng = np.random.default_rng(seed)
    gamma = 1.0 + 0.5 * rng.standard_normal(C)
    beta = 0.3 * rng.standard_normal(C)
    bn = torch.nn.BatchNorm1d(C, momentum=momentum, eps=eps).double()
    with torch.no_grad():
        bn.weight.copy_(torch.tensor(gamma))
        bn.bias.copy_(torch.tensor(beta))
    rm, rv = np.zeros(C), np.ones(C)  # BatchNorm1d's initial running stats
    results = []
    for t, (shape, training) in enumerate(shapes_modes):
        x = 2.0 * rng.standard_normal(shape) + t
        dy = rng.standard_normal(shape)
        y, cache = mod.batchnorm_forward(x, gamma, beta, rm, rv, training, momentum, eps)
        dx, dgamma, dbeta = mod.batchnorm_backward(dy, cache)
        bn.train(training)
        bn.zero_grad()
        xt = torch.tensor(x, requires_grad=True)
        yt = bn(xt)
        yt.backward(torch.tensor(dy))
        results.append(((y, dx, dgamma, dbeta, rm.copy(), rv.copy()),
                        (yt.detach().numpy(), xt.grad.numpy(), bn.weight.grad.numpy(),
                         bn.bias.grad.numpy(), bn.running_mean.numpy().copy(),
                         bn.running_var.numpy().copy())))
    return results


NAMES = ["y", "dx", "dgamma", "dbeta", "running_mean", "running_var"]
SEQUENCES = [
    ([((8, 5), True)], 5),
    ([((4, 3, 6), True)], 3),
    ([((8, 4), True), ((6, 4), True), ((5, 4), False), ((3, 4), True), ((2, 4), False)], 4),
    ([((2, 3), True), ((2, 3), True), ((4, 3), False)], 3),
    ([((3, 2, 5), True), ((4, 2, 1), True), ((2, 2, 7), False)], 2),
]


@pytest.mark.parametrize("sequence,C", SEQUENCES)
@pytest.mark.parametrize("momentum,eps", [(0.1, 1e-5), (0.3, 1e-3)])
def test_matches_batchnorm1d(sequence, C, momentum, eps):
    for ours, theirs in compare(ref, sequence, C, momentum, eps):
        for name, a, t in zip(NAMES, ours, theirs, strict=True):
            np.testing.assert_allclose(a, t, atol=1e-11, rtol=1e-9, err_msg=name)


def test_float32_keeps_dtype():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((6, 3)).astype(np.float32)
    ones, zeros = np.ones(3, np.float32), np.zeros(3, np.float32)
    y, cache = ref.batchnorm_forward(x, ones, zeros, zeros.copy(), ones.copy(), True)
    dx, dg, db = ref.batchnorm_backward(np.ones_like(x), cache)
    assert y.dtype == dx.dtype == np.float32


@pytest.mark.parametrize("variant", ["running_var_biased", "normalise_unbiased",
                                     "momentum_reversed", "eval_uses_batch_stats",
                                     "dx_ignores_batch_stats", "eval_backward_through_stats",
                                     "stats_over_batch_axis_only"])
def test_wrong_variants_disagree_with_torch(variant):
    mod = wrong(ITEM, variant)
    sequence = [((4, 3, 2), True), ((5, 3, 2), True), ((3, 3, 2), False)]
    disagree = any(not np.allclose(a, t, atol=1e-8)
                   for ours, theirs in compare(mod, sequence, 3)
                   for a, t in zip(ours, theirs, strict=True))
    assert disagree
