import torch

from onsite.judge.cases import case


def setup(B, C, H, W, P, d, *, seed, dtype=torch.float32):
    g = torch.Generator().manual_seed(seed)
    N = (H // P) * (W // P)
    images = torch.randn(B, C, H, W, generator=g, dtype=dtype)
    weight = torch.randn(C * P * P, d, generator=g, dtype=dtype) / (C * P * P) ** 0.5
    bias = torch.randn(d, generator=g, dtype=dtype) * 0.5
    cls_token = torch.randn(d, generator=g, dtype=dtype)
    pos_embed = torch.randn(1 + N, d, generator=g, dtype=dtype) * 0.5
    return images, weight, bias, cls_token, pos_embed, P


@case("patchify: 3 channels, 8 x 8, P = 4", atol=0, rtol=0)
def patchify_square(sub):
    # Pure data movement: the values must match exactly.
    images = torch.arange(2 * 3 * 8 * 8, dtype=torch.float32).reshape(2, 3, 8, 8)
    return {"patches": sub.patchify(images, 4)}


@case("patchify: rectangular 6 x 10, P = 2", atol=0, rtol=0)
def patchify_rect(sub):
    images = torch.arange(1 * 2 * 6 * 10, dtype=torch.float32).reshape(1, 2, 6, 10)
    return {"patches": sub.patchify(images, 2)}


@case("embed: 3 channels, 8 x 8, P = 4, d = 16", atol=1e-5, rtol=1e-5)
def embed_square(sub):
    return {"z": sub.patch_embed(*setup(2, 3, 8, 8, 4, 16, seed=0))}


@case("embed: rectangular 8 x 12, P = 4, one channel", atol=1e-5, rtol=1e-5)
def embed_rect(sub):
    return {"z": sub.patch_embed(*setup(3, 1, 8, 12, 4, 8, seed=1))}


@case("embed: P = 1 (every pixel a token)", atol=1e-5, rtol=1e-5)
def embed_pixels(sub):
    return {"z": sub.patch_embed(*setup(2, 3, 3, 2, 1, 5, seed=2))}


@case("embed: one patch covering the whole image", atol=1e-5, rtol=1e-5)
def embed_single(sub):
    return {"z": sub.patch_embed(*setup(2, 2, 4, 4, 4, 6, seed=3))}


@case("float64 in, float64 out", atol=1e-12, rtol=1e-12, strict_dtype=True)
def float64(sub):
    return {"z": sub.patch_embed(*setup(2, 3, 6, 9, 3, 7, seed=4, dtype=torch.float64))}


@case("gradients w.r.t. weight, bias, class token and positions (float64)", atol=1e-10, rtol=1e-10)
def gradients(sub):
    images, *params, P = setup(2, 3, 8, 4, 2, 6, seed=5, dtype=torch.float64)
    for p in params:
        p.requires_grad_(True)
    z = sub.patch_embed(images, *params, P)
    g = torch.Generator().manual_seed(99)
    (z * torch.randn(z.shape, generator=g, dtype=z.dtype)).sum().backward()
    return {f"grad_{n}": p.grad for n, p in zip(("weight", "bias", "cls_token", "pos_embed"), params,
                                                strict=True)}
