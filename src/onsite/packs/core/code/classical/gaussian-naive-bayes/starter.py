import numpy as np


def gnb_fit(X: np.ndarray, y: np.ndarray, var_smoothing: float = 1e-9
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(classes sorted, priors (C,), means (C, D), biased variances + eps (C, D))."""
    raise NotImplementedError("per class: frequency, mean and biased variance; eps from the whole data")


def gnb_predict_log_proba(X: np.ndarray, classes: np.ndarray, priors: np.ndarray,
                          means: np.ndarray, variances: np.ndarray) -> np.ndarray:
    """(M, C) log-posteriors: joint log-likelihoods minus their log-sum-exp."""
    raise NotImplementedError("log prior + sum of Gaussian log-densities, then normalise in log space")


def gnb_predict(X: np.ndarray, classes: np.ndarray, priors: np.ndarray,
                means: np.ndarray, variances: np.ndarray) -> np.ndarray:
    """(M,) the label of the most probable class."""
    raise NotImplementedError("arg-max of the log-posteriors, mapped back to labels")
