import math

import torch

from onsite.judge.cases import case


def embeddings(N, D, *, seed, dtype=torch.float32, correlated=0.0):
    """Image and text embeddings; `correlated` pulls each caption toward its image."""
    g = torch.Generator().manual_seed(seed)
    img = torch.randn(N, D, generator=g, dtype=dtype)
    txt = torch.randn(N, D, generator=g, dtype=dtype) + correlated * img
    # Norms between about 0.1 and 10: the loss must not depend on them.
    img = img * torch.exp(torch.randn(N, 1, generator=g, dtype=dtype))
    return img, txt


def t(value, dtype=torch.float32):
    return torch.tensor(value, dtype=dtype)


@case("batch 8, CLIP's initial temperature 0.07", atol=1e-5, rtol=1e-5)
def basic(sub):
    img, txt = embeddings(8, 16, seed=0, correlated=0.5)
    loss, logits = sub.clip_loss(img, txt, t(math.log(1 / 0.07)))
    return {"loss": loss, "logits_per_image": logits}


@case("scale 1 (t = 0), texts far from their images", atol=1e-5, rtol=1e-5)
def unit_scale(sub):
    img, txt = embeddings(6, 8, seed=1)
    loss, logits = sub.clip_loss(img, txt, t(0.0))
    return {"loss": loss, "logits_per_image": logits}


@case("asymmetric batch: image->text and text->image losses differ", atol=1e-5, rtol=1e-5)
def asymmetric(sub):
    # Two captions are near-duplicates: columns are ambiguous, rows are not.
    img, txt = embeddings(5, 6, seed=2, correlated=1.0)
    txt[1] = txt[0] + 0.01 * txt[1]
    loss, logits = sub.clip_loss(img, txt, t(2.0))
    return {"loss": loss, "logits_per_image": logits}


@case("clamp active: exp(t) = 500 is capped at 100, zero gradient to t (float64)",
      atol=1e-10, rtol=1e-9)
def clamped(sub):
    img, txt = embeddings(6, 8, seed=3, dtype=torch.float64, correlated=0.3)
    log_scale = t(math.log(500.0), torch.float64).requires_grad_(True)
    loss, logits = sub.clip_loss(img, txt, log_scale)
    loss.backward()
    return {"loss": loss, "logits_per_image": logits, "grad_log_scale": log_scale.grad}


@case("batch of one: the loss is 0", atol=1e-6, rtol=1e-6)
def single(sub):
    img, txt = embeddings(1, 4, seed=4)
    loss, logits = sub.clip_loss(img, txt, t(1.0))
    return {"loss": loss, "logits_per_image": logits}


@case("gradients w.r.t. both embeddings and t (float64)", atol=1e-10, rtol=1e-8, strict_dtype=True)
def gradients(sub):
    img, txt = embeddings(7, 5, seed=5, dtype=torch.float64, correlated=0.5)
    img.requires_grad_(True)
    txt.requires_grad_(True)
    log_scale = t(1.5, torch.float64).requires_grad_(True)
    loss, _ = sub.clip_loss(img, txt, log_scale)
    loss.backward()
    return {"loss": loss, "grad_image": img.grad, "grad_text": txt.grad, "grad_log_scale": log_scale.grad}


@case("scale 100 with near-perfect matches stays finite", atol=1e-5, rtol=1e-4)
def sharp(sub):
    img, _ = embeddings(16, 32, seed=6)
    txt = img * 3 + 0.05 * embeddings(16, 32, seed=7)[1]
    loss, logits = sub.clip_loss(img, txt, t(math.log(100.0)))
    return {"loss": loss, "logits_per_image": logits}
