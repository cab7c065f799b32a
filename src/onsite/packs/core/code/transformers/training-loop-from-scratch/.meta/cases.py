import torch
from torch import nn

from onsite.judge.cases import case

PAD = 0


class TinyLM(nn.Module):
    """Embedding -> dropout -> tanh MLP -> vocabulary logits, one position at a time."""

    def __init__(self, vocab: int = 11, dim: int = 12, p_drop: float = 0.0):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.drop = nn.Dropout(p_drop)
        self.hidden = nn.Linear(dim, dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, x):
        h = self.drop(self.emb(x))
        return self.head(torch.tanh(self.hidden(h)))


def maker(p_drop=0.0, dtype=torch.float64, vocab=11):
    return lambda: TinyLM(vocab=vocab, p_drop=p_drop).to(dtype)


def tokens(lengths, T, *, seed, vocab=11):
    """Rows of length T: real tokens 1..vocab-1, then PAD up to T."""
    g = torch.Generator().manual_seed(seed)
    rows = torch.randint(1, vocab, (len(lengths), T), generator=g)
    for r, n in enumerate(lengths):
        rows[r, n:] = PAD
    return rows


def observe(out, with_params=True):
    obs = {"train_loss": out["train_loss"], "lr": out["lr"], "grad_norm": out["grad_norm"],
           "eval_loss": out["eval_loss"], "final_eval_loss": out["final_eval_loss"]}
    if with_params:
        for name, p in out["model"].named_parameters():
            obs[f"param {name}"] = p.detach()
    return obs


# float64 throughout: the observables are the result of many Adam updates, and the only
# legitimate differences (summation order of the loss) stay near 1e-15 relative.
TOL = {"atol": 1e-9, "rtol": 1e-7}


@case("plain loop: one micro-batch per step, no padding, no warmup", **TOL)
def plain(sub):
    train = tokens([8] * 8, 8, seed=0)
    held = tokens([8] * 4, 8, seed=1)
    out = sub.train(maker(), train, held, steps=6, micro_batch_size=4, accum_steps=1, lr=1e-2,
                    max_grad_norm=1e9, seed=0)
    return observe(out)


@case("accumulation over 3 micro-batches with very uneven padding", **TOL)
def uneven_padding(sub):
    # Micro-batches hold 14, 4 and 9 real targets: a mean of per-micro-batch means
    # weights the short ones far too much.
    train = tokens([8, 7, 2, 3, 5, 6, 8, 1, 4, 8, 3, 2], 8, seed=2)
    held = tokens([8, 5, 3], 8, seed=3)
    out = sub.train(maker(), train, held, steps=4, micro_batch_size=2, accum_steps=3, lr=2e-2,
                    max_grad_norm=1e9, seed=1)
    return observe(out)


@case("4 micro-batches of 2 equal one batch of 8 (padded data)", **TOL)
def accum_equals_big_batch(sub):
    train = tokens([9, 3, 6, 2, 9, 5, 4, 7], 9, seed=4)
    held = tokens([9, 6], 9, seed=5)
    kw = dict(steps=3, lr=1e-2, warmup_steps=1, max_grad_norm=1e9, seed=2)
    small = sub.train(maker(), train, held, micro_batch_size=2, accum_steps=4, **kw)
    big = sub.train(maker(), train, held, micro_batch_size=8, accum_steps=1, **kw)
    obs = {f"accum {k}": v for k, v in observe(small).items()}
    obs.update({f"one batch {k}": v for k, v in observe(big).items()})
    return obs


@case("warmup 3 then cosine to a floor over 10 steps, with eval every 4", **TOL)
def schedule(sub):
    train = tokens([7, 6, 7, 5, 7, 4], 7, seed=6)
    held = tokens([7, 3, 6], 7, seed=7)
    out = sub.train(maker(), train, held, steps=10, micro_batch_size=3, accum_steps=1, lr=3e-2,
                    min_lr=3e-3, warmup_steps=3, max_grad_norm=1e9, eval_every=4, seed=3)
    return observe(out)


@case("warmup_steps = 0: step 0 is already on the cosine", **TOL)
def no_warmup(sub):
    train = tokens([6, 6, 4, 6], 6, seed=8)
    held = tokens([6, 5], 6, seed=9)
    out = sub.train(maker(), train, held, steps=5, micro_batch_size=2, accum_steps=2, lr=1e-2,
                    min_lr=1e-3, warmup_steps=0, max_grad_norm=1e9, seed=4)
    return observe(out)


@case("global-norm clipping active on every step (max norm 0.05)", **TOL)
def clipping(sub):
    train = tokens([8, 7, 8, 6, 8, 8], 8, seed=10)
    held = tokens([8, 4], 8, seed=11)
    out = sub.train(maker(), train, held, steps=5, micro_batch_size=3, accum_steps=2, lr=5e-2,
                    warmup_steps=2, max_grad_norm=0.05, seed=5)
    return observe(out)


@case("dropout 0.3 while training, periodic eval must run in eval mode", **TOL)
def dropout_eval(sub):
    train = tokens([8, 6, 8, 7, 5, 8, 8, 3], 8, seed=12)
    held = tokens([8, 7, 5], 8, seed=13)
    out = sub.train(maker(p_drop=0.3), train, held, steps=6, micro_batch_size=2, accum_steps=2,
                    lr=2e-2, warmup_steps=2, max_grad_norm=1.0, eval_every=2, seed=6)
    return observe(out)


@case("AdamW decoupled weight decay 0.1, betas (0.8, 0.99), eps 1e-6", **TOL)
def weight_decay(sub):
    train = tokens([7, 7, 5, 7], 7, seed=14)
    held = tokens([7, 6], 7, seed=15)
    out = sub.train(maker(), train, held, steps=4, micro_batch_size=2, accum_steps=1, lr=5e-2,
                    weight_decay=0.1, betas=(0.8, 0.99), eps=1e-6, max_grad_norm=0.5, seed=7)
    return observe(out)


@case("one step, 4 rows from a 3-row set (indices wrap around)", **TOL)
def wrap_around(sub):
    train = tokens([5, 2, 5], 5, seed=16)
    held = tokens([5], 5, seed=17)
    out = sub.train(maker(), train, held, steps=1, micro_batch_size=2, accum_steps=2, lr=1e-1,
                    max_grad_norm=1e9, eval_every=1, seed=8)
    return observe(out)


# float32 drifts apart by a few ulps per step through Adam; 1e-5 covers ten steps.
@case("float32 model, 8 steps with everything on", atol=1e-5, rtol=1e-4)
def float32(sub):
    train = tokens([9, 4, 9, 7, 2, 9, 6, 9], 9, seed=18)
    held = tokens([9, 5, 8], 9, seed=19)
    out = sub.train(maker(p_drop=0.1, dtype=torch.float32), train, held, steps=8,
                    micro_batch_size=2, accum_steps=2, lr=3e-2, min_lr=1e-3, warmup_steps=2,
                    weight_decay=0.05, max_grad_norm=0.3, eval_every=3, seed=9)
    return observe(out)
