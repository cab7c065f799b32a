import numpy as np


def _log_joint(X, weights, means, variances):
    # (N, K): log pi_k + sum_d log N(x_nd; mu_kd, var_kd).
    diff = X[:, None, :] - means[None, :, :]  # (N, K, D)
    mahalanobis = (diff * diff / variances[None, :, :]).sum(axis=-1)  # (N, K)
    log_norm = np.log(2.0 * np.pi * variances).sum(axis=-1)  # (K,)
    return np.log(weights) - 0.5 * (log_norm + mahalanobis)


def e_step(X: np.ndarray, weights: np.ndarray, means: np.ndarray, variances: np.ndarray
           ) -> tuple[np.ndarray, float]:
    log_joint = _log_joint(X, weights, means, variances)
    # logsumexp over components with the max shift: the largest term becomes exp(0) = 1,
    # so even points whose densities all underflow get a finite log p(x).
    m = log_joint.max(axis=1, keepdims=True)
    log_px = m + np.log(np.exp(log_joint - m).sum(axis=1, keepdims=True))  # (N, 1)
    return log_joint - log_px, float(log_px.sum())


def em_step(X: np.ndarray, weights: np.ndarray, means: np.ndarray, variances: np.ndarray,
            reg: float = 1e-6) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    log_resp, log_likelihood = e_step(X, weights, means, variances)
    resp = np.exp(log_resp)  # (N, K), rows sum to 1
    nk = resp.sum(axis=0)  # effective number of points per component
    new_weights = nk / X.shape[0]
    new_means = resp.T @ X / nk[:, None]
    # Variances around the *new* means: this is the exact maximiser of the expected
    # complete-data log-likelihood given the responsibilities.
    diff = X[:, None, :] - new_means[None, :, :]
    new_variances = (resp[:, :, None] * diff * diff).sum(axis=0) / nk[:, None] + reg
    return new_weights, new_means, new_variances, log_likelihood
