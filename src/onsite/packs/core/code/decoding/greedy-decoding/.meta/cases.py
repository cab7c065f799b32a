import torch

from onsite.judge.cases import case


class ToyLM:
    """A deterministic next-token model that reads the whole sequence, and records its calls.

    logits = A[last] + B[second to last] + C[sum of ids mod 7] + ramp * T on the EOS column,
    so the next token depends on more than the last position, and EOS grows likelier with length.
    """

    def __init__(self, V, *, seed, eos_id=None, ramp=0.0, integer=False):
        g = torch.Generator().manual_seed(seed)
        if integer:  # small integer tables: the logits tie often
            self.A, self.B, self.C = (torch.randint(0, 3, (n, V), generator=g).float()
                                      for n in (V, V, 7))
        else:
            self.A, self.B, self.C = (torch.randn(n, V, generator=g) for n in (V, V, 7))
        self.eos_id, self.ramp = eos_id, ramp
        self.lengths = []

    def __call__(self, ids):
        self.lengths.append(int(ids.shape[1]))
        logits = self.A[ids[:, -1]] + self.C[ids.sum(dim=1) % 7]
        if ids.shape[1] >= 2:
            logits = logits + self.B[ids[:, -2]]
        if self.eos_id is not None:
            logits[:, self.eos_id] += self.ramp * ids.shape[1]
        return logits


def prompts(B, T0, V, *, seed, avoid=None):
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, V, (B, T0), generator=g)
    if avoid is not None:
        ids[ids == avoid] = (avoid + 1) % V
    return ids


def decode(sub, model, ids, max_new, eos, pad):
    out = sub.greedy_decode(model, ids.clone(), max_new, eos, pad)
    return {"tokens": out, "model_call_lengths": list(model.lengths)}


@case("batch of 4, rows finish at different steps", atol=0, rtol=0)
def mixed(sub):
    model = ToyLM(10, seed=1, eos_id=9, ramp=0.25)
    return decode(sub, model, prompts(4, 3, 10, seed=1, avoid=9), 8, 9, 0)


@case("every row finishes: stop early, no extra model calls", atol=0, rtol=0)
def early_stop(sub):
    model = ToyLM(8, seed=2, eos_id=7, ramp=0.8)
    return decode(sub, model, prompts(3, 2, 8, seed=3, avoid=7), 20, 7, 0)


@case("no row finishes: exactly max_new_tokens steps", atol=0, rtol=0)
def no_eos(sub):
    model = ToyLM(12, seed=4, eos_id=11, ramp=-5.0)
    return decode(sub, model, prompts(3, 4, 12, seed=5), 6, 11, 0)


@case("max_new_tokens = 0 returns the prompt without calling the model", atol=0, rtol=0)
def zero_steps(sub):
    model = ToyLM(6, seed=6)
    return decode(sub, model, prompts(2, 3, 6, seed=7), 0, 5, 0)


@case("one row, EOS at the first step", atol=0, rtol=0)
def eos_first(sub):
    model = ToyLM(6, seed=8, eos_id=2, ramp=50.0)
    return decode(sub, model, prompts(1, 1, 6, seed=9, avoid=2), 5, 2, 4)


@case("ties in the logits: the lowest token id wins", atol=0, rtol=0)
def ties(sub):
    model = ToyLM(9, seed=10, integer=True)
    return decode(sub, model, prompts(5, 2, 9, seed=11), 6, 8, 0)


@case("EOS inside the prompt does not finish a row; pad_id 5", atol=0, rtol=0)
def eos_in_prompt(sub):
    model = ToyLM(10, seed=13, eos_id=3, ramp=0.1)
    ids = prompts(3, 4, 10, seed=13)
    ids[:, -1] = 3  # every prompt ends in EOS
    return decode(sub, model, ids, 7, 3, 5)


@case("larger batch: 16 rows, V = 30, 12 steps", atol=0, rtol=0)
def larger(sub):
    model = ToyLM(30, seed=14, eos_id=0, ramp=0.2)
    return decode(sub, model, prompts(16, 5, 30, seed=15, avoid=0), 12, 0, 29)
