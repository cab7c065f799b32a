import math

import torch

from onsite.judge.cases import case


def make_block(D, *, seed, dtype=torch.float32):
    """A small causal self-attention plus tanh MLP over whatever tokens it is given."""
    g = torch.Generator().manual_seed(seed)
    wq, wk, wv, w1 = (torch.randn(D, D, generator=g, dtype=dtype) / math.sqrt(D)
                      for _ in range(4))

    def block(h):
        n = h.shape[1]
        s = (h @ wq) @ (h @ wk).transpose(-2, -1) / math.sqrt(D)
        s = s.masked_fill(torch.ones(n, n, dtype=torch.bool).triu(1), float("-inf"))
        a = torch.softmax(s, dim=-1) @ (h @ wv)
        return a + torch.tanh((h + a) @ w1)

    return block


def data(B, T, D, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(B, T, D, generator=g, dtype=dtype),
            torch.randn(D, generator=g, dtype=dtype))


def run(sub, x, w, block, capacity):
    out, selected = sub.mixture_of_depths(x, w, block, capacity)
    return {"out": out, "selected": selected}


@case("B=2, T=8, capacity 0.5", atol=1e-5, rtol=1e-5)
def half(sub):
    x, w = data(2, 8, 6, seed=0)
    return run(sub, x, w, make_block(6, seed=100), 0.5)


@case("capacity 0.125 of T=8: one token per sequence", atol=1e-5, rtol=1e-5)
def one_token(sub):
    x, w = data(3, 8, 4, seed=1)
    return run(sub, x, w, make_block(4, seed=101), 0.125)


@case("capacity 1.0: every token goes through the block", atol=1e-5, rtol=1e-5)
def full(sub):
    x, w = data(2, 5, 4, seed=2)
    return run(sub, x, w, make_block(4, seed=102), 1.0)


@case("T=10, capacity 0.25: k = floor(2.5) = 2", atol=1e-5, rtol=1e-5)
def round_down(sub):
    x, w = data(2, 10, 4, seed=3)
    return run(sub, x, w, make_block(4, seed=103), 0.25)


@case("capacity 0.0625 of T=8 rounds to 0: at least one token", atol=1e-5, rtol=1e-5)
def at_least_one(sub):
    x, w = data(2, 8, 4, seed=4)
    return run(sub, x, w, make_block(4, seed=104), 0.0625)


@case("tied router weights at the boundary go to the lower position", atol=1e-6, rtol=1e-5)
def ties(sub):
    # The router reads feature 0 only; scores are exactly the values below.
    scores = torch.tensor([[0.5, 2.0, 1.0, 1.0, -1.0, 1.0, 0.0, 3.0],
                           [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]])
    g = torch.Generator().manual_seed(5)
    x = torch.randn(2, 8, 4, generator=g)
    x[..., 0] = scores
    w = torch.tensor([1.0, 0.0, 0.0, 0.0])
    return run(sub, x, w, make_block(4, seed=105), 0.5)


@case("sequences choose different positions; the block is causal over selected tokens",
      atol=1e-5, rtol=1e-5)
def per_sequence(sub):
    # Sequence 1 is sequence 0 scaled up, so a batch-wide top-k would pick from it only.
    x, w = data(1, 8, 5, seed=6)
    x = torch.cat([x, 4 * x.flip(1)], dim=0)
    return run(sub, x, w, make_block(5, seed=106), 0.375)


@case("gradients to x and the router weight (float64)", atol=1e-10, rtol=1e-8,
      strict_dtype=True)
def gradients(sub):
    x, w = data(2, 8, 5, seed=7, dtype=torch.float64)
    x.requires_grad_(True)
    w.requires_grad_(True)
    out, selected = sub.mixture_of_depths(x, w, make_block(5, seed=107, dtype=torch.float64),
                                          0.5)
    upstream = torch.randn(out.shape, generator=torch.Generator().manual_seed(99),
                           dtype=out.dtype)
    (out * upstream).sum().backward()
    return {"out": out, "selected": selected, "grad_x": x.grad, "grad_router": w.grad}
