import torch

from onsite.judge.cases import case


def batch(prompt_lens, resp_lens, T, V, *, seed, dtype=torch.float32, scale=2.0):
    """Right-padded rows: prompt, response, then padding (id 0)."""
    g = torch.Generator().manual_seed(seed)
    B = len(prompt_lens)
    ids = torch.randint(1, V, (B, T), generator=g)
    lengths = torch.tensor(prompt_lens) + torch.tensor(resp_lens)
    attn = (torch.arange(T)[None, :] < lengths[:, None]).long()
    ids = ids * attn  # padding id 0
    logits = torch.randn(B, T, V, generator=g, dtype=dtype) * scale
    return ids, torch.tensor(prompt_lens), attn, logits


@case("labels: prompt and padding become -100", atol=0, rtol=0)
def labels_basic(sub):
    ids, prompts, attn, _ = batch([2, 0, 3, 1], [3, 6, 1, 2], 7, 9, seed=0)
    before = ids.clone()
    labels = sub.build_labels(ids, prompts, attn)
    return {"labels": labels, "input_ids_unchanged": bool(torch.equal(ids, before))}


@case("labels: bool attention mask, full-length row", atol=0, rtol=0)
def labels_bool(sub):
    ids, prompts, attn, _ = batch([1, 4], [5, 1], 6, 20, seed=1)
    return {"labels": sub.build_labels(ids, prompts, attn.bool())}


@case("loss: batch of 4 with prompts and padding", atol=1e-5, rtol=1e-5)
def loss_basic(sub):
    ids, prompts, attn, logits = batch([2, 0, 3, 1], [3, 6, 1, 2], 7, 11, seed=2)
    labels = sub.build_labels(ids, prompts, attn)
    return {"loss": sub.sft_loss(logits, labels)}


@case("loss: unequal response lengths are token-weighted", atol=1e-5, rtol=1e-5)
def token_weighted(sub):
    # One long and one short response: a per-sequence mean gives the short one
    # as much weight as the long one.
    ids, prompts, attn, logits = batch([1, 2], [9, 1], 12, 13, seed=3)
    labels = sub.build_labels(ids, prompts, attn)
    return {"loss": sub.sft_loss(logits, labels)}


@case("loss: a single counted token in the batch", atol=1e-6, rtol=1e-5)
def one_token(sub):
    ids, prompts, attn, logits = batch([3, 4], [1, 0], 6, 7, seed=4)
    labels = sub.build_labels(ids, prompts, attn)
    return {"loss": sub.sft_loss(logits, labels)}


@case("loss: prompt length 0, no padding (every token but the first counted)", atol=1e-5,
      rtol=1e-5)
def no_prompt(sub):
    ids, prompts, attn, logits = batch([0, 0, 0], [5, 5, 5], 5, 8, seed=5)
    labels = sub.build_labels(ids, prompts, attn)
    return {"loss": sub.sft_loss(logits, labels)}


@case("loss: logits of magnitude 1e4 stay finite (float32)", atol=1e-2, rtol=1e-5)
def large_logits(sub):
    # The loss itself is of order 1e4 here; atol 1e-2 is float32 rounding at that size.
    ids, prompts, attn, logits = batch([1, 2], [4, 3], 6, 10, seed=6, scale=1e4)
    labels = sub.build_labels(ids, prompts, attn)
    return {"loss": sub.sft_loss(logits, labels)}


@case("gradient w.r.t. logits (float64)", atol=1e-12, rtol=1e-9, strict_dtype=True)
def gradient(sub):
    ids, prompts, attn, logits = batch([2, 1, 0], [2, 4, 3], 6, 9, seed=7, dtype=torch.float64)
    logits.requires_grad_(True)
    labels = sub.build_labels(ids, prompts, attn)
    loss = sub.sft_loss(logits, labels)
    loss.backward()
    return {"loss": loss, "grad_logits": logits.grad}


@case("labels built by hand with holes (-100 in the middle of a response)", atol=1e-5,
      rtol=1e-5)
def holes(sub):
    g = torch.Generator().manual_seed(8)
    logits = torch.randn(2, 6, 5, generator=g)
    labels = torch.tensor([[-100, 3, -100, 1, 4, -100], [-100, -100, 2, 2, -100, 0]])
    return {"loss": sub.sft_loss(logits, labels)}
