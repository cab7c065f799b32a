import torch

from onsite.judge.cases import case


def make_params(V, T_max, d, F, n_blocks, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)

    def randn(*shape, std):
        return torch.randn(*shape, generator=g, dtype=dtype) * std

    # Embedding rows of norm about 2 give logits of order 1-3: a softmax that is neither flat
    # nor one-hot. Matrices are scaled by 1/sqrt(fan_in); gains near 1 and biases near 0,
    # but not exactly, so a missing affine term shows.
    p = {"wte": randn(V, d, std=2 / d**0.5), "wpe": randn(T_max, d, std=0.5)}
    for i in range(n_blocks):
        b = f"blocks.{i}"
        p |= {
            f"{b}.ln_1.weight": 1 + randn(d, std=0.1), f"{b}.ln_1.bias": randn(d, std=0.1),
            f"{b}.attn.w_qkv": randn(d, 3 * d, std=d**-0.5), f"{b}.attn.b_qkv": randn(3 * d, std=0.1),
            f"{b}.attn.w_o": randn(d, d, std=d**-0.5), f"{b}.attn.b_o": randn(d, std=0.1),
            f"{b}.ln_2.weight": 1 + randn(d, std=0.1), f"{b}.ln_2.bias": randn(d, std=0.1),
            f"{b}.mlp.w_fc": randn(d, F, std=d**-0.5), f"{b}.mlp.b_fc": randn(F, std=0.1),
            f"{b}.mlp.w_proj": randn(F, d, std=F**-0.5), f"{b}.mlp.b_proj": randn(d, std=0.1),
        }
    p |= {"ln_f.weight": 1 + randn(d, std=0.1), "ln_f.bias": randn(d, std=0.1)}
    return p


def ids(B, T, V, *, seed):
    return torch.randint(0, V, (B, T), generator=torch.Generator().manual_seed(seed))


@case("2 blocks, 4 heads: logits and loss", atol=1e-4, rtol=1e-4)
def two_blocks(sub):
    p = make_params(23, 10, 32, 64, 2, seed=0)
    idx = ids(2, 8, 23, seed=1)
    return {"logits": sub.gpt_forward(idx, p, 4), "loss": sub.gpt_loss(idx, p, 4)}


@case("1 block, 1 head, full context T = T_max", atol=1e-4, rtol=1e-4)
def one_head(sub):
    p = make_params(11, 6, 16, 32, 1, seed=2)
    idx = ids(3, 6, 11, seed=3)
    return {"logits": sub.gpt_forward(idx, p, 1), "loss": sub.gpt_loss(idx, p, 1)}


@case("zero blocks: embeddings, final LN and the tied head only", atol=1e-5, rtol=1e-5)
def zero_blocks(sub):
    p = make_params(13, 8, 16, 32, 0, seed=4)
    idx = ids(2, 5, 13, seed=5)
    return {"logits": sub.gpt_forward(idx, p, 2), "loss": sub.gpt_loss(idx, p, 2)}


@case("one position (T = 1): logits only", atol=1e-4, rtol=1e-4)
def single_position(sub):
    p = make_params(17, 8, 24, 48, 2, seed=6)
    return {"logits": sub.gpt_forward(ids(4, 1, 17, seed=7), p, 3)}


@case("causal: changing the last token leaves earlier logits unchanged", atol=1e-4, rtol=1e-4)
def causality(sub):
    p = make_params(19, 8, 16, 32, 2, seed=8)
    idx = ids(2, 7, 19, seed=9)
    other = idx.clone()
    other[:, -1] = (other[:, -1] + 5) % 19
    a, b = sub.gpt_forward(idx, p, 2), sub.gpt_forward(other, p, 2)
    return {"logits": a, "max change before the last position": (a[:, :-1] - b[:, :-1]).abs().max()}


@case("3 blocks, 8 heads, float64 in and out", atol=1e-10, rtol=1e-9, strict_dtype=True)
def float64(sub):
    p = make_params(29, 12, 32, 96, 3, seed=10, dtype=torch.float64)
    idx = ids(2, 9, 29, seed=11)
    return {"logits": sub.gpt_forward(idx, p, 8), "loss": sub.gpt_loss(idx, p, 8)}


@case("loss of a sequence of length 2 (a single prediction per row)", atol=1e-5, rtol=1e-5)
def length_two(sub):
    p = make_params(7, 4, 16, 32, 1, seed=12)
    return {"loss": sub.gpt_loss(torch.tensor([[3, 5], [6, 0], [1, 1]]), p, 4)}


@case("gradients of the loss w.r.t. every parameter (float64)", atol=1e-9, rtol=1e-7)
def gradients(sub):
    p = make_params(13, 6, 16, 32, 2, seed=13, dtype=torch.float64)
    for w in p.values():
        w.requires_grad_(True)
    loss = sub.gpt_loss(ids(2, 6, 13, seed=14), p, 2)
    loss.backward()
    return {"loss": loss, **{f"grad {k}": w.grad for k, w in p.items()}}
