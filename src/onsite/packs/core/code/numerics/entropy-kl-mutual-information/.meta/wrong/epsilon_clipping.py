"""Clips probabilities to 1e-12 before the log: finite where the answer is inf, and biased."""
import numpy as np


def entropy(p):
    p = np.clip(np.asarray(p, float), 1e-12, 1.0)
    return float(-np.sum(p * np.log(p)))


def kl_divergence(p, q):
    p = np.clip(np.asarray(p, float), 1e-12, 1.0)
    q = np.clip(np.asarray(q, float), 1e-12, 1.0)
    return float(np.sum(p * np.log(p / q)))


def mutual_information(joint):
    joint = np.asarray(joint, float)
    return kl_divergence(joint.ravel(), np.outer(joint.sum(1), joint.sum(0)).ravel())
