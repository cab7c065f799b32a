import torch

from onsite.judge.cases import case


def randn(*shape, seed, dtype=torch.float32, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype) * scale


def token_batch(B, T, V, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(B, T, V, generator=g, dtype=dtype) * 2
    labels = torch.randint(0, V, (B, T), generator=g)
    return logits, labels


def response_mask(prompt_lens, resp_lens, T):
    """True on positions [prompt, prompt + resp): prompt masked out, padding after."""
    pos = torch.arange(T)[None, :]
    start = torch.tensor(prompt_lens)[:, None]
    end = start + torch.tensor(resp_lens)[:, None]
    return (pos >= start) & (pos < end)


def seq_logps(B, *, seed, dtype=torch.float32, spread=20.0):
    """Plausible (B,) sequence log-probs: negative, of order -spread."""
    g = torch.Generator().manual_seed(seed)
    return [-(torch.rand(B, generator=g, dtype=dtype) * spread + 1) for _ in range(4)]


@case("sequence log-probs: prompt masked, padding at the end", atol=1e-5, rtol=1e-5)
def seq_prompt_padding(sub):
    logits, labels = token_batch(3, 8, 11, seed=0)
    mask = response_mask([2, 0, 3], [4, 8, 1], 8)
    return {"logps": sub.sequence_logprobs(logits, labels, mask)}


@case("sequence log-probs: 0/1 float mask with holes in the middle", atol=1e-5, rtol=1e-5)
def seq_holes(sub):
    logits, labels = token_batch(2, 7, 5, seed=1)
    mask = torch.tensor([[0, 1, 1, 0, 0, 1, 1], [1, 0, 1, 0, 1, 0, 0]], dtype=torch.float32)
    return {"logps": sub.sequence_logprobs(logits, labels, mask)}


@case("dpo loss and rewards, batch 8, beta 0.1", atol=1e-5, rtol=1e-5)
def dpo_basic(sub):
    pc, pr, rc, rr = seq_logps(8, seed=2)
    loss, chosen_r, rejected_r = sub.dpo_loss(pc, pr, rc, rr)
    return {"loss": loss, "chosen_rewards": chosen_r, "rejected_rewards": rejected_r}


@case("beta 0.01, 0.5 and 2.0", atol=1e-5, rtol=1e-5)
def betas(sub):
    pc, pr, rc, rr = seq_logps(6, seed=3, spread=5.0)
    out = {}
    for beta in (0.01, 0.5, 2.0):
        loss, chosen_r, rejected_r = sub.dpo_loss(pc, pr, rc, rr, beta=beta)
        out[f"loss (beta={beta})"] = loss
        out[f"chosen_rewards (beta={beta})"] = chosen_r
        out[f"rejected_rewards (beta={beta})"] = rejected_r
    return out


@case("policy equal to the reference: loss is log 2, rewards 0", atol=1e-6, rtol=1e-6)
def identical(sub):
    pc, pr, _, _ = seq_logps(5, seed=4)
    loss, chosen_r, rejected_r = sub.dpo_loss(pc, pr, pc.clone(), pr.clone(), beta=0.3)
    return {"loss": loss, "chosen_rewards": chosen_r, "rejected_rewards": rejected_r}


@case("huge margins of both signs stay finite (float32)", atol=1e-4, rtol=1e-5)
def large_margins(sub):
    # beta * margin reaches about -/+ 200: sigmoid underflows to 0 in float32 at
    # the negative end, so log(sigmoid(.)) gives -inf there.
    pc = torch.tensor([-2000.0, -10.0, -500.0, -30.0])
    pr = torch.tensor([-10.0, -2000.0, -20.0, -900.0])
    rc = torch.tensor([-20.0, -20.0, -25.0, -40.0])
    rr = torch.tensor([-20.0, -20.0, -25.0, -40.0])
    loss, chosen_r, rejected_r = sub.dpo_loss(pc, pr, rc, rr, beta=0.1)
    return {"loss": loss, "chosen_rewards": chosen_r, "rejected_rewards": rejected_r}


@case("gradients w.r.t. policy log-probs (float64)", atol=1e-12, rtol=1e-9, strict_dtype=True)
def grads(sub):
    pc, pr, rc, rr = seq_logps(6, seed=5, dtype=torch.float64, spread=10.0)
    pc.requires_grad_(True)
    pr.requires_grad_(True)
    loss, _, _ = sub.dpo_loss(pc, pr, rc, rr, beta=0.5)
    loss.backward()
    return {"loss": loss, "grad_policy_chosen": pc.grad, "grad_policy_rejected": pr.grad}


@case("batch of one", atol=1e-6, rtol=1e-6)
def single(sub):
    pc, pr, rc, rr = (torch.tensor([v]) for v in (-12.5, -14.0, -13.0, -13.5))
    loss, chosen_r, rejected_r = sub.dpo_loss(pc, pr, rc, rr, beta=0.25)
    return {"loss": loss, "chosen_rewards": chosen_r, "rejected_rewards": rejected_r}


@case("rewards are detached, the loss is not", atol=0, rtol=0)
def detached(sub):
    pc, pr, rc, rr = seq_logps(3, seed=6)
    pc.requires_grad_(True)
    pr.requires_grad_(True)
    loss, chosen_r, rejected_r = sub.dpo_loss(pc, pr, rc, rr)
    # [loss, chosen_rewards, rejected_rewards]
    return {"requires_grad": [bool(t.requires_grad) for t in (loss, chosen_r, rejected_r)]}


@case("end to end: logits -> sequence log-probs -> loss, gradient to the logits (float64)",
      atol=1e-12, rtol=1e-9, strict_dtype=True)
def end_to_end(sub):
    B, T, V = 3, 6, 7
    chosen_logits, chosen_labels = token_batch(B, T, V, seed=7, dtype=torch.float64)
    rejected_logits, rejected_labels = token_batch(B, T, V, seed=8, dtype=torch.float64)
    ref_chosen_logits = chosen_logits + randn(B, T, V, seed=9, dtype=torch.float64, scale=0.5)
    ref_rejected_logits = rejected_logits + randn(B, T, V, seed=10, dtype=torch.float64,
                                                  scale=0.5)
    chosen_mask = response_mask([2, 1, 3], [4, 5, 2], T)
    rejected_mask = response_mask([2, 1, 3], [3, 2, 3], T)
    chosen_logits.requires_grad_(True)
    rejected_logits.requires_grad_(True)
    pc = sub.sequence_logprobs(chosen_logits, chosen_labels, chosen_mask)
    pr = sub.sequence_logprobs(rejected_logits, rejected_labels, rejected_mask)
    with torch.no_grad():
        rc = sub.sequence_logprobs(ref_chosen_logits, chosen_labels, chosen_mask)
        rr = sub.sequence_logprobs(ref_rejected_logits, rejected_labels, rejected_mask)
    loss, _, _ = sub.dpo_loss(pc, pr, rc, rr, beta=0.2)
    loss.backward()
    return {"loss": loss, "grad_chosen_logits": chosen_logits.grad,
            "grad_rejected_logits": rejected_logits.grad}
