"""Multiplies the logits by the temperature instead of dividing."""
import numpy as np


def softmax(x, axis=-1, temperature=1.0):
    z = x * temperature
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(x, axis=-1, temperature=1.0):
    z = x * temperature
    s = z - z.max(axis=axis, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=axis, keepdims=True))
