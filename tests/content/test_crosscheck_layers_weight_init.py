"""The weight-init reference agrees with torch.nn.init: calculate_gain, the fan helper, and
the empirical statistics of xavier_*/kaiming_* samples."""

import math

import pytest
import torch
from itemload import reference, wrong

ITEM = "layers/weight-init"
ref = reference(ITEM)
SHAPES = [(64, 32), (10, 1), (16, 3, 5, 5), (8, 4, 3), (2, 3, 2, 3, 4), (1, 7, 1, 1), (300, 200)]
NAMES = ["linear", "sigmoid", "conv1d", "conv2d", "conv3d", "conv_transpose1d",
         "conv_transpose2d", "conv_transpose3d", "tanh", "relu", "leaky_relu", "selu"]


@pytest.mark.parametrize("shape", SHAPES)
def test_fans_match_torch(shape):
    assert ref.fans(shape) == torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))


@pytest.mark.parametrize("name", NAMES)
def test_gain_matches_torch(name):
    assert ref.gain(name) == pytest.approx(torch.nn.init.calculate_gain(name), rel=1e-15)


@pytest.mark.parametrize("slope", [0.0, 0.01, 0.2, 1.0, 3.0])
def test_leaky_gain_matches_torch(slope):
    assert ref.gain("leaky_relu", slope) == pytest.approx(
        torch.nn.init.calculate_gain("leaky_relu", slope), rel=1e-15)


def test_unknown_nonlinearity_raises():
    with pytest.raises(ValueError):
        ref.gain("swish")
    with pytest.raises(ValueError):
        ref.gain("identity")  # torch.nn.init.calculate_gain rejects it too


def sample(init, shape, seed, **kw):
    w = torch.empty(shape, dtype=torch.float64)
    init(w, generator=torch.Generator().manual_seed(seed), **kw)
    return w


@pytest.mark.parametrize("shape", [(300, 200), (64, 32, 3, 3)])
@pytest.mark.parametrize("g", [1.0, 5.0 / 3.0])
def test_xavier_matches_torch_samples(shape, g):
    std, bound = ref.xavier(shape, g)
    u = sample(torch.nn.init.xavier_uniform_, shape, 0, gain=g)
    n = sample(torch.nn.init.xavier_normal_, shape, 1, gain=g)
    # 60k samples: the sample std is within ~0.3% of the true one; 2% is generous.
    assert u.abs().max() <= bound and u.abs().max() > 0.99 * bound
    assert u.std().item() == pytest.approx(std, rel=0.02)
    assert n.std().item() == pytest.approx(std, rel=0.02)


@pytest.mark.parametrize("shape", [(300, 200), (64, 32, 3, 3)])
@pytest.mark.parametrize("kw", [{"nonlinearity": "relu"}, {"mode": "fan_out", "nonlinearity": "relu"},
                                {}, {"a": 0.2}, {"mode": "fan_out", "nonlinearity": "tanh"}])
def test_kaiming_matches_torch_samples(shape, kw):
    std, bound = ref.kaiming(shape, **kw)
    u = sample(torch.nn.init.kaiming_uniform_, shape, 2, **kw)
    n = sample(torch.nn.init.kaiming_normal_, shape, 3, **kw)
    assert u.abs().max() <= bound and u.abs().max() > 0.99 * bound
    assert u.std().item() == pytest.approx(std, rel=0.02)
    assert n.std().item() == pytest.approx(std, rel=0.02)


def test_prompt_example():
    assert ref.fans((16, 3, 5, 5)) == (75, 400)
    assert ref.xavier((64, 32)) == pytest.approx((math.sqrt(2 / 96), 0.25))


@pytest.mark.parametrize("variant", ["no_receptive_field", "fans_swapped", "bound_equals_std",
                                     "leaky_slope_not_squared", "tanh_gain_one", "mode_ignored"])
def test_wrong_variants_disagree_with_torch(variant):
    mod = wrong(ITEM, variant)
    shape = (64, 32, 3, 3)
    t = torch.empty(shape)
    fan_in, fan_out = torch.nn.init._calculate_fan_in_and_fan_out(t)
    tanh_gain = torch.nn.init.calculate_gain("tanh")
    leaky_gain = torch.nn.init.calculate_gain("leaky_relu", 0.2)
    agree = [
        mod.fans(shape) == (fan_in, fan_out),
        mod.gain("tanh") == pytest.approx(tanh_gain),
        mod.gain("leaky_relu", 0.2) == pytest.approx(leaky_gain),
        mod.xavier(shape, tanh_gain)[1] == pytest.approx(
            tanh_gain * math.sqrt(6 / (fan_in + fan_out))),
        mod.kaiming(shape, mode="fan_out", nonlinearity="relu")[0] == pytest.approx(
            math.sqrt(2) / math.sqrt(fan_out)),
    ]
    assert not all(agree)
