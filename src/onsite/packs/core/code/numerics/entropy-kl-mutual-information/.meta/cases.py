import numpy as np

from onsite.judge.cases import case


def dist(k, seed, zeros=0):
    g = np.random.default_rng(seed)
    p = g.gamma(0.7, size=k)
    if zeros:
        p[g.choice(k, zeros, replace=False)] = 0.0
    return p / p.sum()


@case("entropy: uniform, one-hot, random, with zeros", atol=1e-12, rtol=1e-12)
def entropies(sub):
    return {"uniform8": sub.entropy(np.full(8, 1 / 8)), "one_hot": sub.entropy(np.array([0.0, 1.0, 0.0])),
            "random": sub.entropy(dist(10, 0)), "with_zeros": sub.entropy(dist(10, 1, zeros=4)),
            "single": sub.entropy(np.array([1.0]))}


@case("KL divergence: random pairs, both directions", atol=1e-12, rtol=1e-12)
def kl_random(sub):
    p, q = dist(12, 2), dist(12, 3)
    return {"kl_pq": sub.kl_divergence(p, q), "kl_qp": sub.kl_divergence(q, p),
            "kl_pp": sub.kl_divergence(p, p)}


@case("KL divergence: zeros in p (finite) and in q (inf)", atol=1e-12, rtol=1e-12)
def kl_zeros(sub):
    p = np.array([0.5, 0.5, 0.0, 0.0])
    q = np.array([0.25, 0.25, 0.5, 0.0])
    return {"p_zero_where_q_zero": sub.kl_divergence(p, q),
            "q_zero_where_p_positive": sub.kl_divergence(q, p),
            "example": sub.kl_divergence(np.array([0.5, 0.5, 0.0]), np.array([0.25, 0.25, 0.5])),
            "tiny_q": sub.kl_divergence(np.array([0.5, 0.5]), np.array([1 - 1e-300, 1e-300]))}


@case("mutual information: random joint tables", atol=1e-12, rtol=1e-10)
def mi_random(sub):
    g = np.random.default_rng(4)
    a = g.gamma(0.5, size=(3, 5))
    b = g.gamma(2.0, size=(4, 2))
    return {"3x5": sub.mutual_information(a / a.sum()), "4x2": sub.mutual_information(b / b.sum())}


@case("mutual information: independent, deterministic, zero cells", atol=1e-12, rtol=1e-10)
def mi_special(sub):
    independent = np.outer(dist(3, 5), dist(4, 6))
    perm = np.zeros((4, 4))
    perm[[0, 1, 2, 3], [2, 0, 3, 1]] = [0.1, 0.2, 0.3, 0.4]
    sparse = np.array([[0.2, 0.0, 0.1], [0.0, 0.0, 0.0], [0.3, 0.4, 0.0]])
    return {"independent": sub.mutual_information(independent), "deterministic": sub.mutual_information(perm),
            "sparse": sub.mutual_information(sparse)}


@case("asymmetric joint: rows are A, columns are B", atol=1e-12, rtol=1e-10)
def mi_asymmetric(sub):
    joint = np.array([[0.30, 0.05, 0.05], [0.02, 0.18, 0.40]])
    return {"mi": sub.mutual_information(joint), "mi_transposed": sub.mutual_information(joint.T.copy()),
            "h_rows": sub.entropy(joint.sum(1)), "h_cols": sub.entropy(joint.sum(0))}
