"""Uses log base 2 (bits) instead of the natural log (nats)."""
import numpy as np


def entropy(p):
    p = np.asarray(p, float)
    nz = p > 0
    return float(-np.sum(p[nz] * np.log2(p[nz])))


def kl_divergence(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    nz = p > 0
    if np.any(q[nz] == 0):
        return float("inf")
    return float(np.sum(p[nz] * np.log2(p[nz] / q[nz])))


def mutual_information(joint):
    joint = np.asarray(joint, float)
    return kl_divergence(joint.ravel(), np.outer(joint.sum(1), joint.sum(0)).ravel())
