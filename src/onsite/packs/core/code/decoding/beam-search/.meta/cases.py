import torch

from onsite.judge.cases import case


class ToyLM:
    """A deterministic float64 next-token model that reads the whole sequence.

    logits = scale * (A[last] + B[second to last] + C[sum of ids mod 5]) + eos_bias on EOS.
    With integer=True the tables hold small integers, so logits tie within a row.
    """

    def __init__(self, V, *, seed, eos_id, eos_bias=0.0, scale=1.5, integer=False):
        g = torch.Generator().manual_seed(seed)
        if integer:
            self.A, self.B, self.C = (torch.randint(0, 3, (n, V), generator=g).double()
                                      for n in (V, V, 5))
        else:
            self.A, self.B, self.C = (torch.randn(n, V, generator=g, dtype=torch.float64)
                                      for n in (V, V, 5))
        self.scale, self.eos_id, self.eos_bias = scale, eos_id, eos_bias

    def __call__(self, ids):
        logits = self.A[ids[:, -1]] + self.C[ids.sum(dim=1) % 5]
        if ids.shape[1] >= 2:
            logits = logits + self.B[ids[:, -2]]
        logits = logits * self.scale
        logits[:, self.eos_id] += self.eos_bias
        return logits


def search(sub, model, prompt, k, n, eos, alpha, suffix=""):
    tokens, score = sub.beam_search(model, torch.tensor(prompt), k, n, eos, alpha)
    return {f"tokens{suffix}": [int(t) for t in tokens], f"score{suffix}": float(score)}


@case("beam 3, V = 6, 5 steps, alpha 1.0", atol=1e-9, rtol=1e-9)
def basic(sub):
    return search(sub, ToyLM(6, seed=0, eos_id=5, eos_bias=0.5), [1, 2], 3, 5, 5, 1.0)


@case("length penalty 0, 0.5, 1 and 2 pick different hypotheses", atol=1e-9, rtol=1e-9)
def penalties(sub):
    model = ToyLM(5, seed=20, eos_id=0, eos_bias=0.5)
    out = {}
    for alpha in (0.0, 0.5, 1.0, 2.0):
        out.update(search(sub, model, [3], 3, 6, 0, alpha, suffix=f"_alpha{alpha}"))
    return out


@case("beam widths 1, 2 and 4 on the same model", atol=1e-9, rtol=1e-9)
def widths(sub):
    model = ToyLM(7, seed=2, eos_id=6, eos_bias=-0.5)
    out = {}
    for k in (1, 2, 4):
        out.update(search(sub, model, [0, 4, 1], k, 5, 6, 0.7, suffix=f"_k{k}"))
    return out


@case("EOS is likely early: finished hypotheses win", atol=1e-9, rtol=1e-9)
def early_eos(sub):
    return search(sub, ToyLM(6, seed=3, eos_id=2, eos_bias=2.5), [4], 3, 6, 2, 1.0)


@case("EOS never ranks: the best hypothesis is unfinished", atol=1e-9, rtol=1e-9)
def no_eos(sub):
    return search(sub, ToyLM(6, seed=4, eos_id=1, eos_bias=-8.0), [0, 3], 3, 4, 1, 1.0)


@case("one step only (max_new_tokens = 1)", atol=1e-9, rtol=1e-9)
def one_step(sub):
    model = ToyLM(8, seed=5, eos_id=7, eos_bias=1.0)
    return {**search(sub, model, [2], 4, 1, 7, 1.0, suffix="_eos_likely"),
            **search(sub, model, [5], 4, 1, 7, 1.0, suffix="_other_prompt")}


@case("tied scores: lower beam, then lower token id ranks first", atol=1e-9, rtol=1e-9)
def ties(sub):
    # Integer tables: many candidates tie exactly, so the rank of an EOS (and the beam) depends
    # on the tie order.
    out = {}
    for seed in (4, 10, 25):
        model = ToyLM(12, seed=seed, eos_id=11, scale=1.0, integer=True)
        out.update(search(sub, model, [1], 3, 4, 11, 0.0, suffix=f"_seed{seed}"))
    return out


@case("an EOS ranked below the beam width never becomes an answer", atol=1e-9, rtol=1e-9)
def low_ranked_eos(sub):
    model = ToyLM(6, seed=6, eos_id=5, eos_bias=-1.0, scale=1.0)
    return {**search(sub, model, [1], 1, 5, 5, 0.5, suffix="_k1"),
            **search(sub, model, [1], 2, 5, 5, 0.0, suffix="_k2")}


@case("wide beam on a tiny vocabulary equals the exhaustive optimum", atol=1e-9, rtol=1e-9)
def exhaustive(sub):
    # V = 3, 4 steps: at most 2**3 * 3 = 24 candidates per step, so width 30 keeps everything.
    model = ToyLM(3, seed=9, eos_id=0, eos_bias=0.2, scale=2.0)
    return {**search(sub, model, [1, 2], 30, 4, 0, 1.0, suffix="_alpha1"),
            **search(sub, model, [1, 2], 30, 4, 0, 0.0, suffix="_alpha0")}
