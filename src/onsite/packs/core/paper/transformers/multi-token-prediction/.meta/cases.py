import torch

from onsite.judge.cases import case


def batch(B, T, D, V, n, *, seed, dtype=torch.float32, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    hidden = torch.randn(B, T, D, generator=g, dtype=dtype)
    heads = torch.randn(n, D, D, generator=g, dtype=dtype) / D**0.5
    unembed = torch.randn(D, V, generator=g, dtype=dtype) * scale
    tokens = torch.randint(0, V, (B, T), generator=g)
    return hidden, heads, unembed, tokens


def run(sub, hidden, heads, unembed, tokens, **kw):
    loss, per_head = sub.multi_token_prediction_loss(hidden, heads, unembed, tokens, **kw)
    return {"loss": loss, "per_head": per_head}


@case("n=4 heads, B=2, T=9, V=11", atol=1e-5, rtol=1e-5)
def four_heads(sub):
    return run(sub, *batch(2, 9, 6, 11, 4, seed=0))


@case("n=1 is ordinary next-token prediction", atol=1e-5, rtol=1e-5)
def one_head(sub):
    return run(sub, *batch(3, 7, 5, 13, 1, seed=1))


@case("T=3 with n=4: heads 3 and 4 have no targets and contribute 0", atol=1e-5, rtol=1e-5)
def short_sequence(sub):
    return run(sub, *batch(2, 3, 4, 7, 4, seed=2))


@case("padding at the end of some rows (ignore_index=-100)", atol=1e-5, rtol=1e-5)
def padding(sub):
    hidden, heads, unembed, tokens = batch(3, 10, 6, 9, 3, seed=3)
    tokens = tokens.clone()
    tokens[0, 6:] = -100
    tokens[2, 3:] = -100
    return run(sub, hidden, heads, unembed, tokens)


@case("custom ignore_index=0 with holes in the middle", atol=1e-5, rtol=1e-5)
def custom_ignore(sub):
    hidden, heads, unembed, tokens = batch(2, 8, 5, 6, 2, seed=4)
    tokens = tokens.clone()
    tokens[0, 2] = 0
    tokens[1, 5] = 0
    tokens[1, 1] = 0
    return run(sub, hidden, heads, unembed, tokens, ignore_index=0)


@case("one valid target in the whole batch for head 2", atol=1e-5, rtol=1e-5)
def single_valid(sub):
    hidden, heads, unembed, tokens = batch(2, 4, 5, 8, 2, seed=5)
    tokens = tokens.clone()
    tokens[0, 2:] = -100
    tokens[1, 3:] = -100
    return run(sub, hidden, heads, unembed, tokens)


@case("logits in the hundreds stay finite", atol=1e-3, rtol=1e-5)
def large_logits(sub):
    # Losses of order 100 in float32: 1e-3 absolute is about 1e-5 relative.
    return run(sub, *batch(2, 6, 6, 10, 3, seed=6, scale=60.0))


@case("gradients to hidden, heads and unembedding (float64)", atol=1e-10, rtol=1e-8,
      strict_dtype=True)
def gradients(sub):
    hidden, heads, unembed, tokens = batch(2, 7, 5, 9, 3, seed=7, dtype=torch.float64)
    tokens = tokens.clone()
    tokens[1, 5:] = -100
    for t in (hidden, heads, unembed):
        t.requires_grad_(True)
    loss, per_head = sub.multi_token_prediction_loss(hidden, heads, unembed, tokens)
    loss.backward()
    return {"loss": loss, "per_head": per_head, "grad_hidden": hidden.grad,
            "grad_heads": heads.grad, "grad_unembed": unembed.grad}
