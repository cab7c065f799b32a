"""Replaces -inf by -1e9 before normalising: masked log-probabilities come out finite."""
import numpy as np


def softmax(x, axis=-1, temperature=1.0):
    z = np.where(np.isneginf(x), -1e9, x) / temperature
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return (e / e.sum(axis=axis, keepdims=True)).astype(x.dtype)


def log_softmax(x, axis=-1, temperature=1.0):
    z = np.where(np.isneginf(x), -1e9, x) / temperature
    s = z - z.max(axis=axis, keepdims=True)
    return (s - np.log(np.exp(s).sum(axis=axis, keepdims=True))).astype(x.dtype)
