"""transformers/weight-tied-lm-head: the reference against an untied copy whose two matrix gradients are added
by hand, against a per-token loop of the loss, and against the prompt's worked example."""

import math

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong
from torch import nn

ITEM = "transformers/weight-tied-lm-head"
ref = reference(ITEM)


def seeded(V, d, seed):
    model = ref.TiedLM(V, d).double()
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=g, dtype=torch.float64) / math.sqrt(p.shape[-1]))
    return model


def tokens(B, T, V, seed):
    return torch.randint(0, V, (B, T), generator=torch.Generator().manual_seed(seed))


def loop_loss(logits, toks):
    total, count = 0.0, 0
    for b in range(toks.shape[0]):
        for t in range(toks.shape[1] - 1):
            row = logits[b, t].tolist()
            top = max(row)
            log_z = top + math.log(sum(math.exp(x - top) for x in row))
            total += log_z - row[toks[b, t + 1]]
            count += 1
    return total / count


@pytest.mark.parametrize("B,T,V,d", [(2, 5, 11, 6), (3, 7, 13, 8), (4, 2, 7, 4), (1, 9, 30, 3)])
def test_gradient_is_the_sum_of_two_untied_gradients(B, T, V, d):
    model = seeded(V, d, seed=V + d)
    x = tokens(B, T, V, seed=T)
    loss = ref.next_token_loss(model, x)
    loss.backward()
    # Untied twin: separate input table and output matrix holding the same values.
    emb = nn.Embedding(V, d).double()
    head = nn.Linear(d, V, bias=False).double()
    with torch.no_grad():
        emb.weight.copy_(model.embed.weight)
        head.weight.copy_(model.embed.weight)
    logits = head(torch.tanh(model.body(emb(x))))
    twin = F.cross_entropy(logits[:, :-1].reshape(-1, V), x[:, 1:].reshape(-1))
    twin_grads = torch.autograd.grad(twin, (emb.weight, head.weight))
    torch.testing.assert_close(loss, twin, atol=1e-12, rtol=1e-12)
    torch.testing.assert_close(model.embed.weight.grad, twin_grads[0] + twin_grads[1], atol=1e-12, rtol=1e-10)
    assert loss.item() == pytest.approx(loop_loss(model(x).detach(), x), rel=1e-12)


def test_parameter_is_counted_once():
    model = ref.TiedLM(50, 8)
    assert sum(p.numel() for p in model.parameters()) == 50 * 8 + 8 * 8 + 8


def test_prompt_example():
    model = ref.TiedLM(3, 2)
    with torch.no_grad():
        model.embed.weight.copy_(torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]))
        model.body.weight.zero_()
        model.body.bias.copy_(torch.tensor([20.0, 0.0]))
    loss = ref.next_token_loss(model, torch.tensor([[0, 2]]))
    assert loss.item() == pytest.approx(math.log(2 + math.exp(-1)), abs=1e-6)
    assert round(loss.item(), 4) == 0.8620


@pytest.mark.parametrize("name", ["separate_head", "detached_head", "unshifted_loss", "shift_wrong_way",
                                  "sum_not_mean"])
def test_wrong_variants_disagree(name):
    good = seeded(10, 5, seed=0)
    bad = wrong(ITEM, name).TiedLM(10, 5).double()
    with torch.no_grad():
        bad.embed.weight.copy_(good.embed.weight)
        bad.body.load_state_dict(good.body.state_dict())
    x = tokens(2, 6, 10, seed=1)
    ref.next_token_loss(good, x).backward()
    bad_loss = wrong(ITEM, name).next_token_loss(bad, x)
    bad_loss.backward()
    differs = abs(bad_loss.item() - loop_loss(good(x).detach(), x)) > 1e-6
    differs |= not torch.allclose(bad.embed.weight.grad, good.embed.weight.grad, atol=1e-8)
    assert differs
