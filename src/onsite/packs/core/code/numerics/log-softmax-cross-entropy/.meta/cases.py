import torch

from onsite.judge.cases import case


def batch(n, c, *, seed, dtype=torch.float32, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(n, c, generator=g, dtype=dtype) * scale
    targets = torch.randint(0, c, (n,), generator=g)
    return logits, targets


@case("log-softmax of a (4, 7) batch", atol=1e-6, rtol=1e-5)
def log_softmax_rows(sub):
    logits, _ = batch(4, 7, seed=0, scale=3.0)
    return {"log_softmax": sub.log_softmax(logits)}


@case("log-softmax over dim=1 of a (2, 5, 3) tensor", atol=1e-6, rtol=1e-5)
def log_softmax_middle_dim(sub):
    g = torch.Generator().manual_seed(1)
    x = torch.randn(2, 5, 3, generator=g) * 2.0
    return {"log_softmax": sub.log_softmax(x, dim=1)}


@case("huge logits (scale 1e4) stay finite", atol=1e-3, rtol=1e-5)
def huge_logits(sub):
    # exp(1e4) overflows float32 and float64 alike. The outputs are of order 1e4, so float32
    # keeps only ~1e-3 absolute precision on them: hence atol 1e-3 with a tight rtol.
    logits, targets = batch(6, 5, seed=2, scale=1e4)
    return {
        "log_softmax": sub.log_softmax(logits),
        "loss": sub.cross_entropy(logits, targets),
        "loss_smoothed": sub.cross_entropy(logits, targets, label_smoothing=0.1),
    }


@case("cross-entropy, N=8, C=5, no smoothing", atol=1e-6, rtol=1e-5)
def plain(sub):
    logits, targets = batch(8, 5, seed=3, scale=2.0)
    return {"loss": sub.cross_entropy(logits, targets)}


@case("label smoothing 0.1", atol=1e-6, rtol=1e-5)
def smoothing_01(sub):
    logits, targets = batch(8, 5, seed=4, scale=2.0)
    return {"loss": sub.cross_entropy(logits, targets, label_smoothing=0.1)}


@case("label smoothing 0.3, float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def smoothing_03_float64(sub):
    logits, targets = batch(10, 4, seed=5, dtype=torch.float64, scale=3.0)
    return {
        "log_softmax": sub.log_softmax(logits),
        "loss": sub.cross_entropy(logits, targets, label_smoothing=0.3),
    }


@case("a single example (N=1)", atol=1e-6, rtol=1e-5)
def single_example(sub):
    logits, targets = batch(1, 6, seed=6, scale=2.0)
    return {
        "loss": sub.cross_entropy(logits, targets),
        "loss_smoothed": sub.cross_entropy(logits, targets, label_smoothing=0.1),
    }


@case("one class (C=1): the loss is zero", atol=1e-7, rtol=1e-6)
def one_class(sub):
    logits, targets = batch(3, 1, seed=7, scale=5.0)
    return {
        "log_softmax": sub.log_softmax(logits),
        "loss": sub.cross_entropy(logits, targets),
        "loss_smoothed": sub.cross_entropy(logits, targets, label_smoothing=0.1),
    }


@case("gradient w.r.t. the logits (float64)", atol=1e-12, rtol=1e-9)
def gradients(sub):
    logits, targets = batch(5, 6, seed=8, dtype=torch.float64, scale=2.0)
    out = {}
    for name, eps in (("plain", 0.0), ("smoothed", 0.2)):
        x = logits.clone().requires_grad_(True)
        loss = sub.cross_entropy(x, targets, label_smoothing=eps)
        loss.backward()
        out[f"loss_{name}"] = loss.detach()
        out[f"grad_{name}"] = x.grad
    return out
