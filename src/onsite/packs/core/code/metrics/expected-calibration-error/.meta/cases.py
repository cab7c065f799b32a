import numpy as np

from onsite.judge.cases import case


def model(seed, n, c, temperature=1.0, skill=2.0):
    """Softmax outputs of a noisy classifier; temperature < 1 makes it overconfident."""
    g = np.random.default_rng(seed)
    labels = g.integers(0, c, n)
    logits = g.normal(0, 1, (n, c))
    logits[np.arange(n), labels] += skill
    z = logits / temperature
    z -= z.max(1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(1, keepdims=True), labels


def run(sub, probs, labels, n_bins):
    counts, conf, acc = sub.reliability_table(probs.copy(), labels.copy(), n_bins)
    return {"counts": np.asarray(counts).astype(np.int64),
            "mean_confidence": np.asarray(conf, dtype=np.float64),
            "accuracy": np.asarray(acc, dtype=np.float64),
            "ece": float(sub.expected_calibration_error(probs.copy(), labels.copy(), n_bins))}


@case("N=500, C=10, default 15 bins", atol=1e-12, rtol=1e-10)
def basic(sub):
    return run(sub, *model(0, 500, 10), 15)


@case("an overconfident model (temperature 0.3), 10 bins", atol=1e-12, rtol=1e-10)
def overconfident(sub):
    return run(sub, *model(1, 400, 5, temperature=0.3, skill=1.0), 10)


@case("the prompt's example: confidences on the edges 0.5 and 0.75", atol=1e-12, rtol=1e-10)
def example(sub):
    probs = np.array([[0.9, 0.1], [0.6, 0.4], [0.3, 0.7], [0.5, 0.5], [0.2, 0.8]])
    return run(sub, probs, np.array([0, 1, 1, 1, 1]), 4)


@case("dyadic confidences exactly on edges, and exactly 1.0", atol=1e-12, rtol=1e-10)
def edges(sub):
    conf = np.array([0.25, 0.5, 0.75, 1.0, 0.375, 0.625, 0.5, 0.875, 0.25, 1.0])
    probs = np.column_stack([conf, 1 - conf])
    labels = np.array([0, 1, 0, 0, 1, 0, 0, 0, 1, 1])
    out = {f"{k} (B=4)": v for k, v in run(sub, probs, labels, 4).items()}
    out.update({f"{k} (B=8)": v for k, v in run(sub, probs, labels, 8).items()})
    return out


@case("binary model: the lower half of the bins stays empty", atol=1e-12, rtol=1e-10)
def binary(sub):
    return run(sub, *model(2, 300, 2, skill=1.0), 10)


@case("argmax ties take the smallest class; a single example", atol=1e-12, rtol=1e-10)
def ties_and_single(sub):
    probs = np.array([[0.4, 0.4, 0.2], [0.1, 0.45, 0.45], [0.3, 0.3, 0.4]])
    out = {f"{k} (ties)": v for k, v in run(sub, probs, np.array([1, 1, 2]), 5).items()}
    out.update({f"{k} (N=1)": v for k, v in run(sub, np.array([[0.2, 0.7, 0.1]]), np.array([1]), 5).items()})
    return out


@case("one bin: ECE is |accuracy - mean confidence|", atol=1e-12, rtol=1e-10)
def one_bin(sub):
    return run(sub, *model(3, 200, 4), 1)
