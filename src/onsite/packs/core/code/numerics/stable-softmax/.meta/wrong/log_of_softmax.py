"""Computes log-softmax as np.log(softmax(x)): -inf wherever a probability underflows."""
import numpy as np


def softmax(x, axis=-1, temperature=1.0):
    z = x / temperature
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(x, axis=-1, temperature=1.0):
    return np.log(softmax(x, axis, temperature))
