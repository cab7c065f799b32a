"""Computes KL(q || p) instead of KL(p || q)."""
import numpy as np


def entropy(p):
    p = np.asarray(p, float)
    nz = p > 0
    return float(-np.sum(p[nz] * np.log(p[nz])))


def kl_divergence(p, q):
    p, q = np.asarray(q, float), np.asarray(p, float)
    nz = p > 0
    if np.any(q[nz] == 0):
        return float("inf")
    return float(np.sum(p[nz] * np.log(p[nz] / q[nz])))


def mutual_information(joint):
    joint = np.asarray(joint, float)
    indep = np.outer(joint.sum(1), joint.sum(0)).ravel()
    j = joint.ravel()
    nz = j > 0
    return float(np.sum(j[nz] * np.log(j[nz] / indep[nz])))
