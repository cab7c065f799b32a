import torch

from onsite.judge.cases import case


def make(B, L, S, d_model, d_enc, *, lengths=None, dtype=torch.float32, seed=0, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    x_dec = torch.randn(B, L, d_model, generator=g, dtype=dtype) * scale
    x_enc = torch.randn(B, S, d_enc, generator=g, dtype=dtype) * scale
    shapes = {"w_q": (d_model, d_model), "w_k": (d_model, d_enc), "w_v": (d_model, d_enc),
              "w_o": (d_model, d_model)}
    params = {}
    for name, (rows, cols) in shapes.items():
        params[name] = torch.randn(rows, cols, generator=g, dtype=dtype) / cols**0.5
        params["b" + name[1:]] = torch.randn(rows, generator=g, dtype=dtype) * 0.1
    mask = None
    if lengths is not None:
        mask = torch.arange(S)[None, :] < torch.tensor(lengths)[:, None]
    return x_dec, x_enc, mask, params


@case("L=4 decoder positions over S=7 source tokens, d_enc=24 != d_model=32", atol=1e-5, rtol=1e-4)
def typical(sub):
    x_dec, x_enc, mask, params = make(2, 4, 7, 32, 24, lengths=[7, 3], scale=2.0)
    out, weights = sub.cross_attention(x_dec, x_enc, mask, params, 4)
    return {"out": out, "weights": weights}


@case("no padding mask (None), L > S", atol=1e-5, rtol=1e-4)
def no_mask(sub):
    x_dec, x_enc, _, params = make(2, 6, 3, 16, 8, seed=1, scale=2.0)
    out, weights = sub.cross_attention(x_dec, x_enc, None, params, 2)
    return {"out": out, "weights": weights}


@case("every batch element padded differently, one with a single real token", atol=1e-5, rtol=1e-4)
def ragged(sub):
    # B == L, so a mask broadcast without its head and query axes runs and is silently wrong.
    x_dec, x_enc, mask, params = make(4, 4, 6, 16, 16, lengths=[6, 1, 4, 2], seed=2, scale=2.0)
    out, weights = sub.cross_attention(x_dec, x_enc, mask, params, 4)
    return {"out": out, "weights": weights}


@case("padding mask with a hole in the middle (not only right padding)", atol=1e-5, rtol=1e-4)
def holes(sub):
    x_dec, x_enc, _, params = make(2, 3, 5, 16, 12, seed=3, scale=2.0)
    mask = torch.tensor([[True, False, True, True, False], [False, True, True, False, True]])
    out, weights = sub.cross_attention(x_dec, x_enc, mask, params, 2)
    return {"out": out, "weights": weights}


@case("one head, one decoder position", atol=1e-5, rtol=1e-4)
def one_head(sub):
    x_dec, x_enc, mask, params = make(3, 1, 5, 8, 10, lengths=[5, 2, 4], seed=4, scale=2.0)
    out, weights = sub.cross_attention(x_dec, x_enc, mask, params, 1)
    return {"out": out, "weights": weights}


@case("d_model=64 with 8 heads, square d_enc = d_model", atol=1e-5, rtol=1e-4)
def many_heads(sub):
    x_dec, x_enc, mask, params = make(2, 5, 9, 64, 64, lengths=[9, 5], seed=5, scale=2.0)
    out, weights = sub.cross_attention(x_dec, x_enc, mask, params, 8)
    return {"out": out, "weights": weights}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-10, strict_dtype=True)
def float64(sub):
    x_dec, x_enc, mask, params = make(2, 3, 4, 12, 6, lengths=[2, 4], dtype=torch.float64, seed=6,
                                      scale=2.0)
    out, weights = sub.cross_attention(x_dec, x_enc, mask, params, 3)
    return {"out": out, "weights": weights}


@case("gradients w.r.t. both inputs and every parameter (float64)", atol=1e-10, rtol=1e-8)
def gradients(sub):
    x_dec, x_enc, mask, params = make(2, 3, 5, 12, 8, lengths=[5, 3], dtype=torch.float64, seed=7,
                                      scale=2.0)
    for t in (x_dec, x_enc, *params.values()):
        t.requires_grad_(True)
    out, _ = sub.cross_attention(x_dec, x_enc, mask, params, 3)
    upstream = torch.randn(out.shape, generator=torch.Generator().manual_seed(99), dtype=out.dtype)
    (out * upstream).sum().backward()
    obs = {"out": out, "grad_x_dec": x_dec.grad, "grad_x_enc": x_enc.grad}
    obs.update({f"grad_{k}": p.grad for k, p in params.items()})
    return obs
