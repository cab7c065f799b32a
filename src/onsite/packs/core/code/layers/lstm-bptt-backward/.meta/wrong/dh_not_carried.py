"""Uses only the upstream dL/dh_t at each step and forgets the gradient arriving from step t+1
through the recurrent weights.
"""
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
    is dL/dc_T from outside (None means zero). Returns the gradients as a dict."""
    W, U = cache["W"], cache["U"]
    steps = cache["steps"]
    T = len(steps)
    B, H = dhs.shape[1], dhs.shape[2]
    dx = np.empty((T, B, W.shape[0]), dtype=dhs.dtype)
    dW, dU = np.zeros_like(W), np.zeros_like(U)
    db = np.zeros(W.shape[1], dtype=dhs.dtype)
    dh_next = np.zeros((B, H), dtype=dhs.dtype)            # dL/dh_t through step t+1
    dc_next = np.zeros((B, H), dtype=dhs.dtype) if dc_T is None else dc_T.copy()
    for t in reversed(range(T)):
        x_t, h_prev, c_prev, i, f, g, o, tanh_c = steps[t]
        dh = dhs[t]
        do = dh * tanh_c
        # c_t reaches the loss through h_t = o * tanh(c_t) and through c_{t+1} = f * c_t + ...
        dc = dc_next + dh * o * (1.0 - tanh_c ** 2)
        di = dc * g
        df = dc * c_prev
        dg = dc * i
        dz = np.concatenate([
            di * i * (1.0 - i),                            # sigmoid' = s (1 - s)
            df * f * (1.0 - f),
            dg * (1.0 - g ** 2),                           # tanh' = 1 - tanh^2
            do * o * (1.0 - o),
        ], axis=1)                                         # (B, 4H)
        dW += x_t.T @ dz
        dU += h_prev.T @ dz
        db += dz.sum(axis=0)
        dx[t] = dz @ W.T
        dh_next = dz @ U.T
        dc_next = dc * f
    return {"dx": dx, "dW": dW, "dU": dU, "db": db, "dh0": dh_next, "dc0": dc_next}
