import torch
import torch.nn.functional as F
from torch import nn

from onsite.judge.cases import case

D_IN, HIDDEN, D_OUT, VOCAB = 4, 6, 3, 5


def make_model(seed, d_out=D_OUT):
    """A tiny float64 MLP with seeded weights and stale gradients already in .grad."""
    g = torch.Generator().manual_seed(seed)
    model = nn.Sequential(nn.Linear(D_IN, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, d_out)).double()
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=g, dtype=torch.float64) * 0.7)
            # Stale values from an "earlier step": they must not survive.
            p.grad = torch.randn(p.shape, generator=g, dtype=torch.float64)
    return model


def example_loss(model, x, y):
    return ((model(x) - y) ** 2).sum(dim=-1)  # (b,)


def token_loss(model, x, y):
    logits = model(x)  # (b, T, V)
    return F.cross_entropy(logits.flatten(0, 1), y.flatten(), reduction="none").view(y.shape)


def example_batches(sizes, seed):
    g = torch.Generator().manual_seed(seed)
    return [(torch.randn(b, D_IN, generator=g, dtype=torch.float64),
             torch.randn(b, D_OUT, generator=g, dtype=torch.float64)) for b in sizes]


def token_batches(shapes, seed, empty=()):
    """(x, y, mask) per micro-batch; each row keeps a random-length prefix of tokens."""
    g = torch.Generator().manual_seed(seed)
    out = []
    for k, (b, t) in enumerate(shapes):
        x = torch.randn(b, t, D_IN, generator=g, dtype=torch.float64)
        y = torch.randint(0, VOCAB, (b, t), generator=g)
        lengths = torch.randint(1, t + 1, (b,), generator=g)
        mask = torch.arange(t)[None, :] < lengths[:, None]
        if k in empty:
            mask = torch.zeros_like(mask)
        out.append((x, y, mask))
    return out


def observe(model, loss, calls):
    out = {"loss": loss, "backward_passes": calls[0]}
    out.update({f"grad_{name}": p.grad for name, p in model.named_parameters()})
    return out


def count_backwards(model):
    """Counts how many times a gradient is accumulated into the first weight: once per backward."""
    calls = [0]
    first = next(model.parameters())

    def hook(_p):
        calls[0] += 1

    first.register_post_accumulate_grad_hook(hook)
    return calls


@case("examples: micro-batches of sizes 3, 5, 1, 7", atol=1e-12, rtol=1e-10)
def examples_unequal(sub):
    model = make_model(0)
    calls = count_backwards(model)
    loss = sub.accumulate_example_gradients(model, example_batches([3, 5, 1, 7], 1), example_loss)
    return observe(model, loss, calls)


@case("examples: a single micro-batch", atol=1e-12, rtol=1e-10)
def examples_single(sub):
    model = make_model(2)
    calls = count_backwards(model)
    loss = sub.accumulate_example_gradients(model, example_batches([6], 3), example_loss)
    return observe(model, loss, calls)


@case("examples: equal sizes 4, 4, 4", atol=1e-12, rtol=1e-10)
def examples_equal(sub):
    model = make_model(4)
    calls = count_backwards(model)
    loss = sub.accumulate_example_gradients(model, example_batches([4, 4, 4], 5), example_loss)
    return observe(model, loss, calls)


@case("examples: one big micro-batch and three of size 1", atol=1e-12, rtol=1e-10)
def examples_skewed(sub):
    model = make_model(6)
    calls = count_backwards(model)
    loss = sub.accumulate_example_gradients(model, example_batches([1, 12, 1, 1], 7),
                                            example_loss)
    return observe(model, loss, calls)


@case("tokens: three micro-batches with different token counts", atol=1e-12, rtol=1e-10)
def tokens_unequal(sub):
    model = make_model(8, d_out=VOCAB)
    calls = count_backwards(model)
    loss = sub.accumulate_token_gradients(model, token_batches([(2, 5), (3, 2), (1, 7)], 9),
                                          token_loss)
    return observe(model, loss, calls)


@case("tokens: a micro-batch with no counted token contributes nothing", atol=1e-12, rtol=1e-10)
def tokens_empty_micro_batch(sub):
    model = make_model(10, d_out=VOCAB)
    calls = count_backwards(model)
    batches = token_batches([(2, 4), (2, 3), (3, 6)], 11, empty=(1,))
    loss = sub.accumulate_token_gradients(model, batches, token_loss)
    return observe(model, loss, calls)


@case("tokens: a single sequence in a single micro-batch", atol=1e-12, rtol=1e-10)
def tokens_single(sub):
    model = make_model(12, d_out=VOCAB)
    calls = count_backwards(model)
    loss = sub.accumulate_token_gradients(model, token_batches([(1, 6)], 13), token_loss)
    return observe(model, loss, calls)


@case("tokens: five micro-batches, long and short sequences mixed", atol=1e-12, rtol=1e-10)
def tokens_many(sub):
    model = make_model(14, d_out=VOCAB)
    calls = count_backwards(model)
    shapes = [(4, 8), (1, 2), (2, 8), (3, 1), (1, 5)]
    loss = sub.accumulate_token_gradients(model, token_batches(shapes, 15), token_loss)
    return observe(model, loss, calls)
