"""Drops the log(2 pi) constant: same responsibilities, wrong log-likelihood."""
import numpy as np


def _log_joint(X, weights, means, variances):
    diff = X[:, None, :] - means[None, :, :]
    mahalanobis = (diff * diff / variances[None, :, :]).sum(axis=-1)
    log_norm = np.log(variances).sum(axis=-1)
    return np.log(weights) - 0.5 * (log_norm + mahalanobis)


def e_step(X: np.ndarray, weights: np.ndarray, means: np.ndarray, variances: np.ndarray
           ) -> tuple[np.ndarray, float]:
    log_joint = _log_joint(X, weights, means, variances)
    m = log_joint.max(axis=1, keepdims=True)
    log_px = m + np.log(np.exp(log_joint - m).sum(axis=1, keepdims=True))
    return log_joint - log_px, float(log_px.sum())


def em_step(X: np.ndarray, weights: np.ndarray, means: np.ndarray, variances: np.ndarray,
            reg: float = 1e-6) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    log_resp, log_likelihood = e_step(X, weights, means, variances)
    resp = np.exp(log_resp)
    nk = resp.sum(axis=0)
    new_weights = nk / X.shape[0]
    new_means = resp.T @ X / nk[:, None]
    diff = X[:, None, :] - new_means[None, :, :]
    new_variances = (resp[:, :, None] * diff * diff).sum(axis=0) / nk[:, None] + reg
    return new_weights, new_means, new_variances, log_likelihood
