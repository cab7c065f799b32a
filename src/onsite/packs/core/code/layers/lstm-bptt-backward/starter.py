import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    # Two branches so that exp never sees a large positive argument.
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def lstm_forward(x, h0, c0, W, U, b):
    """Run the LSTM over x (T, B, I); return hs (T, B, H), (h_T, c_T) and a cache."""
    T = x.shape[0]
    H = h0.shape[1]
    h, c = h0, c0
    hs = np.empty((T, *h0.shape), dtype=x.dtype)
    steps = []
    for t in range(T):
        z = x[t] @ W + h @ U + b                           # (B, 4H): [i | f | g | o]
        i = sigmoid(z[:, :H])
        f = sigmoid(z[:, H:2 * H])
        g = np.tanh(z[:, 2 * H:3 * H])
        o = sigmoid(z[:, 3 * H:])
        c_new = f * c + i * g
        tanh_c = np.tanh(c_new)
        h_new = o * tanh_c
        steps.append((x[t], h, c, i, f, g, o, tanh_c))     # inputs of step t and its gates
        h, c = h_new, c_new
        hs[t] = h
    cache = {"steps": steps, "W": W, "U": U}
    return hs, (h, c), cache


def lstm_backward(dhs, cache, dc_T=None):
    """Backpropagate through time. dhs (T, B, H) is dL/dh_t for every output; dc_T (B, H)
    is dL/dc_T from outside (None means zero). Return a dict with "dx" (T, B, I), "dW" (I, 4H),
    "dU" (H, 4H), "db" (4H,), "dh0" (B, H) and "dc0" (B, H)."""
    raise NotImplementedError("walk t = T-1 .. 0, carrying dh and dc into the previous step")
