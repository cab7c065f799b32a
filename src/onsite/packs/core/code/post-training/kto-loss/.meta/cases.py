import torch

from onsite.judge.cases import case


def batch(B, M, *, seed, dtype=torch.float32, drift=0.5):
    g = torch.Generator().manual_seed(seed)
    ref = -(torch.rand(B, generator=g, dtype=dtype) * 30 + 5)
    policy = ref + torch.randn(B, generator=g, dtype=dtype) * 3
    desirable = torch.rand(B, generator=g) < 0.5
    kl_ref = -(torch.rand(M, generator=g, dtype=dtype) * 30 + 5)
    kl_policy = kl_ref + drift + torch.randn(M, generator=g, dtype=dtype)
    return policy, ref, desirable, kl_policy, kl_ref


def run(sub, inputs, **kw):
    loss, z0 = sub.kto_loss(*inputs, **kw)
    return {"loss": loss, "z0": z0}


@case("mixed batch of 12, beta 0.1", atol=1e-6, rtol=1e-5)
def basic(sub):
    return run(sub, batch(12, 12, seed=0), beta=0.1)


@case("beta 1 with lambda_D = 1, lambda_U = 1.5", atol=1e-6, rtol=1e-5)
def weights(sub):
    return run(sub, batch(10, 10, seed=1), beta=1.0, lambda_d=1.0, lambda_u=1.5)


@case("negative KL estimate is clamped: z0 = 0", atol=1e-6, rtol=1e-5)
def clamped(sub):
    return run(sub, batch(8, 8, seed=2, drift=-2.0), beta=0.5, lambda_d=1.33, lambda_u=1.0)


@case("large positive z0", atol=1e-6, rtol=1e-5)
def large_z0(sub):
    return run(sub, batch(8, 5, seed=3, drift=6.0), beta=0.3)


@case("only desirable examples, then only undesirable", atol=1e-6, rtol=1e-5)
def one_kind(sub):
    policy, ref, _, kl_p, kl_r = batch(6, 6, seed=4)
    all_d = run(sub, (policy, ref, torch.ones(6, dtype=torch.bool), kl_p, kl_r), beta=0.5)
    all_u = run(sub, (policy, ref, torch.zeros(6, dtype=torch.bool), kl_p, kl_r), beta=0.5)
    return {"loss (all desirable)": all_d["loss"], "loss (all undesirable)": all_u["loss"],
            "z0": all_d["z0"]}


@case("class imbalance: 2 desirable, 7 undesirable, lambda_u 0.4", atol=1e-6, rtol=1e-5)
def imbalance(sub):
    policy, ref, _, kl_p, kl_r = batch(9, 9, seed=5)
    desirable = torch.tensor([True, False, False, False, True, False, False, False, False])
    return run(sub, (policy, ref, desirable, kl_p, kl_r), beta=0.8, lambda_u=0.4)


@case("gradients: to policy_logps, none to kl_policy_logps (float64)", atol=1e-12, rtol=1e-9,
      strict_dtype=True)
def gradient(sub):
    policy, ref, desirable, kl_p, kl_r = batch(7, 7, seed=6, dtype=torch.float64, drift=1.0)
    policy.requires_grad_(True)
    kl_p.requires_grad_(True)
    loss, z0 = sub.kto_loss(policy, ref, desirable, kl_p, kl_r, beta=0.7, lambda_u=1.2)
    loss.backward()
    kl_grad = kl_p.grad if kl_p.grad is not None else torch.zeros_like(kl_p)
    return {"loss": loss, "z0": z0, "grad_policy": policy.grad, "grad_kl_policy": kl_grad}


@case("batch of one, one mismatched pair", atol=1e-6, rtol=1e-5)
def single(sub):
    inputs = (torch.tensor([-4.0]), torch.tensor([-6.0]), torch.tensor([False]),
              torch.tensor([-9.0]), torch.tensor([-10.0]))
    return run(sub, inputs, beta=2.0)
