import numpy as np


def entropy(p: np.ndarray) -> float:
    p = np.asarray(p, dtype=np.float64)
    nz = p > 0  # 0 log 0 = 0: zero entries are dropped, never logged
    return float(-np.sum(p[nz] * np.log(p[nz])))


def kl_divergence(p: np.ndarray, q: np.ndarray) -> float:
    p = np.asarray(p, dtype=np.float64)
    q = np.asarray(q, dtype=np.float64)
    nz = p > 0  # terms with p = 0 contribute 0, whatever q is
    if np.any(q[nz] == 0):
        return float("inf")  # q gives zero probability to something p can produce
    return float(np.sum(p[nz] * (np.log(p[nz]) - np.log(q[nz]))))


def mutual_information(joint: np.ndarray) -> float:
    joint = np.asarray(joint, dtype=np.float64)
    # I(A; B) = KL(p(a, b) || p(a) p(b)). Where p(a, b) > 0 both marginals are > 0,
    # so the divergence is always finite.
    independent = np.outer(joint.sum(axis=1), joint.sum(axis=0))
    return kl_divergence(joint.ravel(), independent.ravel())
