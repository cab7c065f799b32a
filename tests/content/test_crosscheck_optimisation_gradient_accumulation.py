"""The accumulation reference equals the full-batch gradient computed in one go, and a
per-example loop of torch.autograd.grad calls."""

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong
from torch import nn

ITEM = "optimisation/gradient-accumulation"
ref = reference(ITEM)


def model_pair(seed, d_out):
    torch.manual_seed(seed)
    a = nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Linear(6, d_out)).double()
    b = nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Linear(6, d_out)).double()
    b.load_state_dict(a.state_dict())
    for p in a.parameters():
        p.grad = torch.ones_like(p)  # stale
    return a, b


def example_loss(model, x, y):
    return ((model(x) - y) ** 2).sum(-1)


def token_loss(model, x, y):
    return F.cross_entropy(model(x).flatten(0, 1), y.flatten(), reduction="none").view(y.shape)


def example_data(sizes, seed):
    g = torch.Generator().manual_seed(seed)
    return [(torch.randn(b, 4, generator=g, dtype=torch.float64),
             torch.randn(b, 3, generator=g, dtype=torch.float64)) for b in sizes]


def token_data(shapes, seed):
    g = torch.Generator().manual_seed(seed)
    out = []
    for b, t in shapes:
        mask = torch.rand(b, t, generator=g) < 0.6
        mask[0, 0] = True
        out.append((torch.randn(b, t, 4, generator=g, dtype=torch.float64),
                    torch.randint(0, 5, (b, t), generator=g), mask))
    return out


@pytest.mark.parametrize("sizes", [[3, 5, 1, 7], [1], [2, 2], [10, 1, 1, 1, 4]])
def test_examples_match_full_batch(sizes):
    model, full = model_pair(0, 3)
    data = example_data(sizes, 1)
    loss = ref.accumulate_example_gradients(model, data, example_loss)
    x = torch.cat([x for x, _ in data])
    y = torch.cat([y for _, y in data])
    full_loss = example_loss(full, x, y).mean()
    full_loss.backward()
    torch.testing.assert_close(loss, full_loss.detach(), atol=1e-13, rtol=1e-12)
    for a, b in zip(model.parameters(), full.parameters(), strict=True):
        torch.testing.assert_close(a.grad, b.grad, atol=1e-13, rtol=1e-12)


def test_examples_match_per_example_loop():
    """Independent oracle: the average of per-example gradients from torch.autograd.grad."""
    model, other = model_pair(2, 3)
    data = example_data([2, 3, 1], 3)
    ref.accumulate_example_gradients(model, data, example_loss)
    params = list(other.parameters())
    acc = [torch.zeros_like(p) for p in params]
    n = 0
    for x, y in data:
        for i in range(x.shape[0]):
            grads = torch.autograd.grad(example_loss(other, x[i:i + 1], y[i:i + 1]).sum(), params)
            acc = [a + g for a, g in zip(acc, grads, strict=True)]
            n += 1
    for p, a in zip(model.parameters(), acc, strict=True):
        torch.testing.assert_close(p.grad, a / n, atol=1e-13, rtol=1e-12)


def full_token_batch(model, data):
    """Full batch: pad every micro-batch to the longest T, then one masked mean, one backward."""
    t_max = max(x.shape[1] for x, _, _ in data)
    xs, ys, ms = [], [], []
    for x, y, m in data:
        pad = t_max - x.shape[1]
        xs.append(F.pad(x, (0, 0, 0, pad)))
        ys.append(F.pad(y, (0, pad)))
        ms.append(F.pad(m, (0, pad)))
    x, y, m = torch.cat(xs), torch.cat(ys), torch.cat(ms)
    full_loss = token_loss(model, x, y)[m].mean()
    full_loss.backward()
    return full_loss.detach()


@pytest.mark.parametrize("shapes", [[(2, 5), (3, 2), (1, 7)], [(1, 4)], [(4, 8), (1, 2), (2, 3)]])
def test_tokens_match_full_batch(shapes):
    model, full = model_pair(4, 5)
    data = token_data(shapes, 5)
    loss = ref.accumulate_token_gradients(model, data, token_loss)
    full_loss = full_token_batch(full, data)
    torch.testing.assert_close(loss, full_loss, atol=1e-13, rtol=1e-12)
    for a, b in zip(model.parameters(), full.parameters(), strict=True):
        torch.testing.assert_close(a.grad, b.grad, atol=1e-13, rtol=1e-12)


@pytest.mark.parametrize("variant", ["mean_of_micro_batch_means", "stale_grads_kept",
                                     "summed_not_averaged", "tokens_per_sequence_mean"])
def test_wrong_variants_disagree_with_full_batch(variant):
    model, full = model_pair(6, 5)
    data = token_data([(2, 5), (3, 2), (1, 7)], 7)
    wrong(ITEM, variant).accumulate_token_gradients(model, data, token_loss)
    full_token_batch(full, data)
    assert any(not torch.allclose(a.grad, b.grad, atol=1e-10)
               for a, b in zip(model.parameters(), full.parameters(), strict=True))
