from torch import Tensor


def log_softmax(logits: Tensor, dim: int = -1) -> Tensor:
    # log softmax(x) = x - logsumexp(x), and logsumexp(x) = m + log sum exp(x - m) for any m.
    # Choosing m = max makes every exponent <= 0: nothing overflows, and the largest term is
    # exactly exp(0) = 1, so the sum is >= 1 and its log never underflows to -inf.
    # m is a constant of the identity (its gradient cancels), so it can be detached.
    m = logits.amax(dim=dim, keepdim=True).detach()
    shifted = logits - m
    return shifted - shifted.exp().sum(dim=dim, keepdim=True).log()


def cross_entropy(logits: Tensor, targets: Tensor, label_smoothing: float = 0.0) -> Tensor:
    logp = log_softmax(logits, dim=-1)  # (N, C)
    # Negative log-likelihood of the true class, one value per example.
    nll = -logp.gather(1, targets.unsqueeze(1)).squeeze(1)  # (N,)
    # The smoothed target puts eps/C on every class (the true one included) and 1 - eps on
    # the true class, so the loss is (1 - eps) * nll + eps * (mean over classes of -logp).
    uniform = -logp.mean(dim=-1)  # (N,)
    eps = label_smoothing
    return ((1.0 - eps) * nll + eps * uniform).mean()
