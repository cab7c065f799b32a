import torch

from onsite.judge.cases import case


def batch(N, C, *, seed, dtype=torch.float32, scale=2.0):
    g = torch.Generator().manual_seed(seed)
    student = torch.randn(N, C, generator=g, dtype=dtype) * scale
    teacher = torch.randn(N, C, generator=g, dtype=dtype) * scale
    labels = torch.randint(0, C, (N,), generator=g)
    return student, teacher, labels


def loss(sub, s, t, y, T, alpha):
    return sub.distillation_loss(s.clone(), t.clone(), y.clone(), temperature=T, alpha=alpha)


@case("batch 8, 10 classes, T = 2, alpha = 0.5", atol=1e-6, rtol=1e-5)
def basic(sub):
    return {"loss": loss(sub, *batch(8, 10, seed=0), 2.0, 0.5)}


@case("pure distillation (alpha 1) at T = 1, 3 and 8", atol=1e-6, rtol=1e-5)
def temperatures(sub):
    s, t, y = batch(6, 7, seed=1)
    return {f"loss_T{T}": loss(sub, s, t, y, T, 1.0) for T in (1.0, 3.0, 8.0)}


@case("pure hard labels (alpha 0) and alpha 0.9", atol=1e-6, rtol=1e-5)
def alphas(sub):
    s, t, y = batch(5, 6, seed=2)
    return {"loss_alpha0": loss(sub, s, t, y, 4.0, 0.0), "loss_alpha0.9": loss(sub, s, t, y, 4.0, 0.9)}


@case("student equals teacher: the KL term is 0", atol=1e-6, rtol=1e-5)
def identical(sub):
    s, _, y = batch(4, 9, seed=3)
    return {"loss": loss(sub, s, s.clone(), y, 3.0, 0.7)}


@case("gradient w.r.t. the student logits (float64)", atol=1e-12, rtol=1e-9, strict_dtype=True)
def gradient(sub):
    s, t, y = batch(6, 8, seed=4, dtype=torch.float64)
    s.requires_grad_(True)
    out = sub.distillation_loss(s, t, y, temperature=2.5, alpha=0.6)
    out.backward()
    return {"loss": out, "grad_student": s.grad}


@case("the teacher gets no gradient", atol=0, rtol=0)
def teacher_detached(sub):
    s, t, y = batch(4, 5, seed=5)
    s.requires_grad_(True)
    t.requires_grad_(True)
    sub.distillation_loss(s, t, y, temperature=2.0, alpha=0.5).backward()
    got = t.grad
    return {"teacher_grad_is_none_or_zero": bool(got is None or not got.abs().sum().item())}


@case("confident logits (scale 100) stay finite in float32", atol=1e-3, rtol=1e-4)
def large(sub):
    # Probabilities underflow to exactly 0 at T = 1; log(softmax) then gives 0 * -inf = nan.
    # atol: the loss is about 1e2 to 1e3 in float32, where a few ulps are ~1e-4.
    s, t, y = batch(4, 12, seed=6, scale=100.0)
    return {"loss_T1": loss(sub, s, t, y, 1.0, 0.5), "loss_T2": loss(sub, s, t, y, 2.0, 0.5)}


@case("a single example with two classes", atol=1e-6, rtol=1e-5)
def single(sub):
    s = torch.tensor([[1.0, -1.0]])
    t = torch.tensor([[0.2, 0.8]])
    return {"loss": loss(sub, s, t, torch.tensor([1]), 2.0, 0.5)}
