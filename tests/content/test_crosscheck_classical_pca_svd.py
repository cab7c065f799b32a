"""classical/pca-svd: the SVD reference against an eigendecomposition of np.cov (a different
algorithm), with the same sign rule applied to the eigenvectors."""

import numpy as np
import pytest
from itemload import reference, wrong

ITEM = "classical/pca-svd"
ref = reference(ITEM)


def eig_pca(X, k):
    cov = np.cov(X, rowvar=False)  # unbiased, N - 1
    values, vectors = np.linalg.eigh(cov)  # ascending
    order = np.argsort(values)[::-1]
    values, vectors = values[order], vectors[:, order]
    comps = vectors[:, :k].T.copy()
    for row in comps:
        i = int(np.argmax(np.abs(row)))
        row *= np.sign(row[i])
    return X.mean(0), comps, values[:k], values[:k] / values.sum()


def data(seed, n, d):
    g = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(g.standard_normal((d, d)))
    scales = np.geomspace(5.0, 0.2, d)  # well-separated spectrum
    return (g.standard_normal((n, d)) * scales) @ Q.T + g.normal(0, 10, d)


@pytest.mark.parametrize("seed", range(15))
@pytest.mark.parametrize("shape,k", [((50, 4), 2), ((30, 6), 6), ((200, 8), 3), ((5, 3), 2)])
def test_matches_covariance_eigendecomposition(seed, shape, k):
    X = data(seed, *shape)
    mean, comps, var, ratio = ref.pca_fit(X, k)
    mean2, comps2, var2, ratio2 = eig_pca(X, k)
    np.testing.assert_allclose(mean, mean2, atol=1e-12, rtol=1e-12)
    np.testing.assert_allclose(comps, comps2, atol=1e-7)
    np.testing.assert_allclose(var, var2, rtol=1e-9)
    np.testing.assert_allclose(ratio, ratio2, rtol=1e-9)
    np.testing.assert_allclose(comps @ comps.T, np.eye(k), atol=1e-12)
    Z = ref.pca_transform(X, mean, comps)
    np.testing.assert_allclose(Z.var(axis=0, ddof=1), var, rtol=1e-9)  # variance along each axis


def test_full_rank_round_trip_and_ratio_sum():
    X = data(3, 40, 5)
    mean, comps, _, ratio = ref.pca_fit(X, 5)
    assert ratio.sum() == pytest.approx(1.0, abs=1e-12)
    back = ref.pca_inverse_transform(ref.pca_transform(X, mean, comps), mean, comps)
    np.testing.assert_allclose(back, X, atol=1e-10)


def test_reconstruction_error_is_the_discarded_power():
    X = data(4, 60, 6)
    mean, comps, _, _ = ref.pca_fit(X, 2)
    back = ref.pca_inverse_transform(ref.pca_transform(X, mean, comps), mean, comps)
    s = np.linalg.svd(X - X.mean(0), compute_uv=False)
    assert np.sum((X - back) ** 2) == pytest.approx(np.sum(s[2:] ** 2), rel=1e-9)


@pytest.mark.parametrize("name", ["no_centring", "variance_over_n", "ratio_over_kept", "no_sign_fix",
                                  "sign_by_first_entry", "columns_of_vt", "singular_values_not_squared"])
def test_wrong_variants_disagree_with_eigendecomposition(name):
    bad = wrong(ITEM, name)
    disagree = False
    for seed in range(8):  # k up to D: some components come out of LAPACK with either sign
        X = data(seed, 40, 4)
        k = 2 + seed % 3
        got = bad.pca_fit(X, k)
        want = eig_pca(X, k)
        disagree |= not all(np.allclose(a, b, atol=1e-7) for a, b in zip(got, want, strict=True))
    assert disagree
