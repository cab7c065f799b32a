import torch

from onsite.judge.cases import case


def scores(B, *, seed, dtype=torch.float32, scale=2.0):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(B, generator=g, dtype=dtype) * scale,
            torch.randn(B, generator=g, dtype=dtype) * scale)


@case("batch of 16, no margin", atol=1e-6, rtol=1e-5)
def basic(sub):
    rc, rr = scores(16, seed=0)
    loss, acc = sub.reward_model_loss(rc, rr)
    return {"loss": loss, "accuracy": acc}


@case("per-pair margin tensor", atol=1e-6, rtol=1e-5)
def margin_tensor(sub):
    rc, rr = scores(10, seed=1)
    margin = torch.tensor([0.0, 1.0, 3.0, 0.5, 0.0, 2.0, 1.0, 0.0, 4.0, 0.25])
    loss, acc = sub.reward_model_loss(rc, rr, margin)
    return {"loss": loss, "accuracy": acc}


@case("scalar float margin", atol=1e-6, rtol=1e-5)
def margin_float(sub):
    rc, rr = scores(8, seed=2)
    loss, acc = sub.reward_model_loss(rc, rr, margin=1.5)
    return {"loss": loss, "accuracy": acc}


@case("ties count as wrong in the accuracy", atol=1e-6, rtol=1e-5)
def ties(sub):
    rc = torch.tensor([1.0, 2.0, -0.5, 3.0, 0.0])
    rr = torch.tensor([1.0, 1.0, -0.5, 4.0, 0.0])
    loss, acc = sub.reward_model_loss(rc, rr, margin=torch.tensor([0.0, 2.0, 0.0, 0.0, 1.0]))
    return {"loss": loss, "accuracy": acc}


@case("score differences of +-1e4 stay finite and exact (float32)", atol=1e-3, rtol=1e-6)
def large(sub):
    # The loss is about 1e4 / 4 here; atol 1e-3 is float32 rounding at that size.
    rc = torch.tensor([1e4, -1e4, 5.0, -200.0])
    rr = torch.tensor([-1e4, 1e4, 5.0, 0.0])
    loss, acc = sub.reward_model_loss(rc, rr)
    return {"loss": loss, "accuracy": acc}


@case("gradients w.r.t. both scores, with a margin (float64)", atol=1e-12, rtol=1e-9,
      strict_dtype=True)
def gradient(sub):
    rc, rr = scores(7, seed=3, dtype=torch.float64)
    rc.requires_grad_(True)
    rr.requires_grad_(True)
    margin = torch.linspace(0, 2, 7, dtype=torch.float64)
    loss, acc = sub.reward_model_loss(rc, rr, margin)
    loss.backward()
    return {"loss": loss, "accuracy": acc, "grad_chosen": rc.grad, "grad_rejected": rr.grad}


@case("batch of one", atol=1e-6, rtol=1e-5)
def single(sub):
    loss, acc = sub.reward_model_loss(torch.tensor([0.3]), torch.tensor([-0.4]), margin=0.2)
    return {"loss": loss, "accuracy": acc}


@case("the accuracy is detached, the loss is not", atol=0, rtol=0)
def detached(sub):
    rc, rr = scores(4, seed=4)
    rc.requires_grad_(True)
    rr.requires_grad_(True)
    loss, acc = sub.reward_model_loss(rc, rr)
    return {"requires_grad": [bool(loss.requires_grad), bool(acc.requires_grad)]}
