import torch

from onsite.judge.cases import case


def build(sub, V, d, *, seed, dtype=torch.float32):
    model = sub.TiedLM(V, d).to(dtype)
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        model.embed.weight.copy_(torch.randn(V, d, generator=g, dtype=torch.float64))
        model.body.weight.copy_(torch.randn(d, d, generator=g, dtype=torch.float64) / d**0.5)
        model.body.bias.copy_(torch.randn(d, generator=g, dtype=torch.float64) * 0.1)
    return model


def tokens(B, T, V, *, seed):
    return torch.randint(0, V, (B, T), generator=torch.Generator().manual_seed(seed))


@case("parameters: embed and body only, the shared matrix counted once", atol=0, rtol=0)
def parameters(sub):
    model = sub.TiedLM(50, 8)
    # parameters() yields a shared Parameter once, so a tied nn.Linear head adds nothing here.
    return {"n_parameters": sum(p.numel() for p in model.parameters()),
            "n_parameter_tensors": len(list(model.parameters()))}


@case("logits, B=2, T=5, V=11, d=6", atol=1e-5, rtol=1e-4)
def logits(sub):
    model = build(sub, 11, 6, seed=0)
    return {"logits": model(tokens(2, 5, 11, seed=1))}


@case("loss, B=3, T=7, V=13, d=8", atol=1e-5, rtol=1e-5)
def loss(sub):
    model = build(sub, 13, 8, seed=2)
    return {"loss": sub.next_token_loss(model, tokens(3, 7, 13, seed=3))}


@case("T=2: a single prediction per sequence", atol=1e-5, rtol=1e-5)
def shortest(sub):
    model = build(sub, 7, 4, seed=4)
    return {"loss": sub.next_token_loss(model, tokens(4, 2, 7, seed=5))}


@case("the head follows embed.weight after it is replaced", atol=1e-5, rtol=1e-4)
def follows(sub):
    model = build(sub, 9, 4, seed=6)
    x = tokens(1, 4, 9, seed=7)
    before = model(x)
    with torch.no_grad():
        model.embed.weight.mul_(2.0)
    return {"logits_before": before, "logits_after": model(x)}


@case("gradient into the shared matrix from both uses (float64)", atol=1e-10, rtol=1e-8,
      strict_dtype=True)
def gradient(sub):
    model = build(sub, 10, 5, seed=8, dtype=torch.float64)
    loss = sub.next_token_loss(model, tokens(2, 6, 10, seed=9))
    loss.backward()
    return {"loss": loss, "grad_embed": model.embed.weight.grad, "grad_body_weight": model.body.weight.grad,
            "grad_body_bias": model.body.bias.grad}


@case("gradient rows of tokens never seen still get the output-side gradient (float64)", atol=1e-10,
      rtol=1e-8)
def unseen_rows(sub):
    # Tokens use only ids 0..3 of a vocabulary of 8: rows 4..7 are touched only through the head.
    model = build(sub, 8, 4, seed=10, dtype=torch.float64)
    sub.next_token_loss(model, tokens(3, 5, 4, seed=11)).backward()
    return {"grad_embed_unseen_rows": model.embed.weight.grad[4:], "grad_embed": model.embed.weight.grad}
