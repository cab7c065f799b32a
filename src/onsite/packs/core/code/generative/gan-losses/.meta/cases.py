import torch

from onsite.judge.cases import case


def randn(*shape, seed, dtype=torch.float32, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype) * scale


def all_three(sub, real, fake):
    return {"discriminator": sub.discriminator_loss(real, fake),
            "generator non-saturating": sub.generator_loss_nonsaturating(fake),
            "generator minimax": sub.generator_loss_minimax(fake)}


@case("batch of 16 real and 16 fake logits", atol=1e-6, rtol=1e-5)
def typical(sub):
    return all_three(sub, randn(16, seed=0, scale=2), randn(16, seed=1, scale=2))


@case("different batch sizes (8 real, 3 fake), logits shaped (B, 1)", atol=1e-6, rtol=1e-5)
def unequal(sub):
    return all_three(sub, randn(8, 1, seed=2, scale=2) + 1, randn(3, 1, seed=3, scale=2) - 1)


@case("logits of +-100 stay finite (float32)", atol=1e-4, rtol=1e-5)
def saturated(sub):
    real = torch.tensor([100.0, -100.0, 30.0, -95.0])
    fake = torch.tensor([-100.0, 100.0, -40.0])
    return all_three(sub, real, fake)


@case("one real and one fake", atol=1e-6, rtol=1e-5)
def single(sub):
    return all_three(sub, torch.tensor([0.7]), torch.tensor([-2.5]))


@case("a perfect discriminator: the minimax gradient vanishes, the non-saturating one does not",
      atol=1e-12, rtol=1e-8)
def gradients_saturating(sub):
    fake = torch.tensor([-12.0, -9.0, -15.0, -10.5], dtype=torch.float64)
    out = {}
    for name, fn in (("non-saturating", sub.generator_loss_nonsaturating),
                     ("minimax", sub.generator_loss_minimax)):
        leaf = fake.clone().requires_grad_(True)
        loss = fn(leaf)
        loss.backward()
        out[f"loss ({name})"] = loss
        out[f"grad ({name})"] = leaf.grad
    return out


@case("discriminator gradients w.r.t. both logit batches (float64)", atol=1e-12, rtol=1e-9,
      strict_dtype=True)
def gradients_discriminator(sub):
    real = randn(6, seed=4, dtype=torch.float64, scale=3).requires_grad_(True)
    fake = randn(5, seed=5, dtype=torch.float64, scale=3).requires_grad_(True)
    loss = sub.discriminator_loss(real, fake)
    loss.backward()
    return {"loss": loss, "grad_real": real.grad, "grad_fake": fake.grad}


@case("all logits zero: D = 1/2 everywhere", atol=1e-7, rtol=1e-6)
def undecided(sub):
    return all_three(sub, torch.zeros(5), torch.zeros(7))
