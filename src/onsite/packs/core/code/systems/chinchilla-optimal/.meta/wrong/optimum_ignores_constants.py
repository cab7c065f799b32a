"""Drops the (alpha A / (beta B))^(1/(alpha+beta)) prefactor, keeping only the power of C."""
import math

# Hoffmann et al. 2022, approach 3 (parametric fit): L(N, D) = E + A / N^alpha + B / D^beta.
E, A, B, ALPHA, BETA = 1.69, 406.4, 410.7, 0.34, 0.28


def compute_optimal(flops: float, tokens_per_param: float = 20.0) -> tuple[float, float]:
    # C = 6 N D and D = r N give C = 6 r N^2.
    n_params = math.sqrt(flops / (6.0 * tokens_per_param))
    return n_params, tokens_per_param * n_params


def chinchilla_loss(
    n_params: float, n_tokens: float, e: float = E, a: float = A, b: float = B,
    alpha: float = ALPHA, beta: float = BETA,
) -> float:
    # Irreducible loss + a term for finite model size + a term for finite data.
    return e + a / n_params**alpha + b / n_tokens**beta


def fit_optimal(
    flops: float, a: float = A, b: float = B, alpha: float = ALPHA, beta: float = BETA
) -> tuple[float, float]:
    # Minimise A N^-alpha + B D^-beta subject to 6 N D = C. Setting the derivative in N to zero
    # gives alpha A N^-alpha = beta B D^-beta, so N = G (C/6)^(beta/(alpha+beta)) with
    # G = (alpha A / (beta B))^(1/(alpha+beta)), and D = (C/6) / N.
    g = 1.0
    n_params = g * (flops / 6.0) ** (beta / (alpha + beta))
    return n_params, flops / (6.0 * n_params)
