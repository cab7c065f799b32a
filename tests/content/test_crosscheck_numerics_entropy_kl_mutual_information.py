"""numerics/entropy-kl-mutual-information: the reference against torch.distributions
(Categorical entropy, kl_divergence) and the identity I(A;B) = H(A) + H(B) - H(A,B)."""

import math

import numpy as np
import pytest
import torch
from itemload import reference, wrong

ITEM = "numerics/entropy-kl-mutual-information"
ref = reference(ITEM)


def dist(k, seed, zeros=0):
    g = np.random.default_rng(seed)
    p = g.gamma(0.6, size=k)
    if zeros:
        p[g.choice(k, zeros, replace=False)] = 0.0
    return p / p.sum()


def categorical(p):
    return torch.distributions.Categorical(probs=torch.from_numpy(p))


@pytest.mark.parametrize("seed", range(15))
@pytest.mark.parametrize("zeros", [0, 3])
def test_entropy_and_kl_match_torch(seed, zeros):
    p, q = dist(9, seed, zeros), dist(9, seed + 1000)
    assert ref.entropy(p) == pytest.approx(categorical(p).entropy().item(), abs=1e-12)
    torch_kl = torch.distributions.kl_divergence(categorical(p), categorical(q)).item()
    assert ref.kl_divergence(p, q) == pytest.approx(torch_kl, abs=1e-12)


def test_kl_infinite_support_mismatch_matches_torch():
    p, q = np.array([0.25, 0.25, 0.5]), np.array([0.5, 0.5, 0.0])
    torch_kl = torch.distributions.kl_divergence(categorical(p), categorical(q)).item()
    assert ref.kl_divergence(p, q) == math.inf == torch_kl
    assert ref.kl_divergence(q, p) == pytest.approx(math.log(2), abs=1e-15)


@pytest.mark.parametrize("seed", range(15))
def test_mutual_information_identities(seed):
    g = np.random.default_rng(seed)
    joint = g.gamma(0.5, size=(int(g.integers(1, 5)), int(g.integers(1, 6))))
    joint[g.random(joint.shape) < 0.3] = 0.0
    joint.flat[0] += 0.1
    joint /= joint.sum()
    h = ref.entropy
    mi = ref.mutual_information(joint)
    assert mi == pytest.approx(h(joint.sum(1)) + h(joint.sum(0)) - h(joint.ravel()), abs=1e-12)
    # Plain-Python double loop over the definition.
    pa, pb = joint.sum(1).tolist(), joint.sum(0).tolist()
    loop = sum(v * math.log(v / (pa[i] * pb[j])) for i, row in enumerate(joint.tolist())
               for j, v in enumerate(row) if v > 0)
    assert mi == pytest.approx(loop, abs=1e-12)
    assert ref.mutual_information(joint.T.copy()) == pytest.approx(mi, abs=1e-12)


@pytest.mark.parametrize("name", ["log_base_two", "kl_arguments_swapped", "naive_zero_log_zero",
                                  "epsilon_clipping", "marginals_same_axis"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    p, q = dist(6, 1, zeros=2), dist(6, 2)
    joint = np.array([[0.30, 0.05, 0.05], [0.02, 0.18, 0.40]])
    got = (bad.entropy(p), bad.kl_divergence(p, q), bad.kl_divergence(q, p), bad.mutual_information(joint))
    want = (categorical(p).entropy().item(),
            torch.distributions.kl_divergence(categorical(p), categorical(q)).item(),
            torch.distributions.kl_divergence(categorical(q), categorical(p)).item(),
            ref.entropy(joint.sum(1)) + ref.entropy(joint.sum(0)) - ref.entropy(joint.ravel()))
    assert not all(g == pytest.approx(w, abs=1e-9) for g, w in zip(got, want, strict=True))
