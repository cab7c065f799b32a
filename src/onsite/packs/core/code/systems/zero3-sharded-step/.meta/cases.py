import torch

from onsite.judge.cases import case


def mlp_loss(params, x, y):
    """Tanh MLP regression: params [W1 (D, H), b1 (H,), W2 (H, 1), b2 (1,)], mean squared error."""
    W1, b1, W2, b2 = params
    pred = torch.tanh(x @ W1 + b1) @ W2 + b2
    return ((pred.squeeze(-1) - y) ** 2).mean()


def softmax_loss(params, x, y):
    """Linear classifier: params [W (D, C), b (C,)], mean cross-entropy."""
    W, b = params
    logp = torch.log_softmax(x @ W + b, dim=-1)
    return -logp.gather(-1, y[:, None]).mean()


def mlp_params(D, H, *, seed):
    g = torch.Generator().manual_seed(seed)
    shapes = [(D, H), (H,), (H, 1), (1,)]
    return [torch.randn(*s, generator=g, dtype=torch.float64) * 0.7 for s in shapes]


def regression_batches(R, n, D, *, seed):
    g = torch.Generator().manual_seed(100 + seed)
    out = []
    for _ in range(R):
        x = torch.randn(n, D, generator=g, dtype=torch.float64)
        y = torch.sin(x.sum(-1)) + 0.1 * torch.randn(n, generator=g, dtype=torch.float64)
        out.append((x, y))
    return out


def observe(opt, losses):
    obs = {"losses": losses}
    for i, p in enumerate(opt.full_params()):
        obs[f"param {i}"] = p
    for r in range(len(opt.shards)):
        obs[f"rank {r} shard"] = opt.shards[r]
        obs[f"rank {r} exp_avg"] = opt.exp_avg[r]
        obs[f"rank {r} exp_avg_sq"] = opt.exp_avg_sq[r]
    return obs


def train(sub, params, R, steps, loss_fn, batches_per_step, **hp):
    opt = sub.Zero3AdamW(params, R, **hp)
    losses = [opt.step(loss_fn, batches_per_step(k)) for k in range(steps)]
    return observe(opt, losses)


# float64 parameters; the only freedom is the summation order inside the mean gradient.
TOL = {"atol": 1e-10, "rtol": 1e-8}


@case("layout only: P = 29 parameters on R = 4 ranks (S = 8, three zeros of padding)", **TOL)
def layout(sub):
    params = mlp_params(3, 5, seed=0)          # 15 + 5 + 5 + 1 = 26
    params.append(torch.arange(3, dtype=torch.float64) + 0.5)   # 29
    opt = sub.Zero3AdamW(params, 4, lr=1e-2)
    return observe(opt, [])


@case("R = 4, MLP with P = 26, 3 AdamW steps with weight decay 0.1", **TOL)
def typical(sub):
    params = mlp_params(3, 5, seed=1)
    batches = regression_batches(4, 6, 3, seed=1)
    return train(sub, params, 4, 3, mlp_loss, lambda k: batches, lr=5e-2, weight_decay=0.1)


@case("R = 2, P divisible by R (no padding), fresh batches every step", **TOL)
def no_padding(sub):
    params = mlp_params(4, 3, seed=2)           # 12 + 3 + 3 + 1 = 19 -> add one for 20
    params.append(torch.tensor([0.25], dtype=torch.float64))

    def loss(ps, x, y):
        return mlp_loss(ps[:4], x, y) + 0.5 * ps[4].pow(2).sum()

    return train(sub, params, 2, 4, loss, lambda k: regression_batches(2, 5, 4, seed=10 + k),
                 lr=2e-2, betas=(0.8, 0.95), weight_decay=0.05)


@case("R = 8 ranks for P = 5 parameters: three shards are pure padding", **TOL)
def more_ranks_than_params(sub):
    g = torch.Generator().manual_seed(3)
    params = [torch.randn(2, 2, generator=g, dtype=torch.float64),
              torch.randn(1, generator=g, dtype=torch.float64)]

    def loss(ps, x, y):
        W, b = ps
        return ((x @ W).sum(-1) + b - y).pow(2).mean()

    batches = regression_batches(8, 3, 2, seed=3)
    return train(sub, params, 8, 3, loss, lambda k: batches, lr=0.1, weight_decay=0.2)


@case("R = 1 is plain AdamW", **TOL)
def single_rank(sub):
    params = mlp_params(2, 4, seed=4)
    batches = regression_batches(1, 8, 2, seed=4)
    return train(sub, params, 1, 3, mlp_loss, lambda k: batches, lr=3e-2, weight_decay=0.01)


@case("R = 3 softmax classifier, 5 steps, ranks see very different data", **TOL)
def classifier(sub):
    g = torch.Generator().manual_seed(5)
    params = [torch.randn(4, 3, generator=g, dtype=torch.float64) * 0.3,
              torch.zeros(3, dtype=torch.float64)]      # P = 15, S = 5
    batches = []
    for r in range(3):
        x = torch.randn(4, 4, generator=g, dtype=torch.float64) + 2.0 * r
        batches.append((x, torch.full((4,), r)))
    return train(sub, params, 3, 5, softmax_loss, lambda k: batches, lr=0.1, eps=1e-6,
                 weight_decay=0.0)


@case("large weight decay 0.5 and lr 0.2: decay must reach the owned shards", **TOL)
def strong_decay(sub):
    params = mlp_params(3, 3, seed=6)            # 9 + 3 + 3 + 1 = 16 on R = 3: S = 6
    batches = regression_batches(3, 4, 3, seed=6)
    return train(sub, params, 3, 3, mlp_loss, lambda k: batches, lr=0.2, weight_decay=0.5)
