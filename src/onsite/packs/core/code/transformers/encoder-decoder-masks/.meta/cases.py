import torch

from onsite.judge.cases import case


def observe(masks):
    names = ("enc_mask", "dec_mask", "cross_mask")
    obs = {name: m for name, m in zip(names, masks, strict=True)}
    obs["dtypes"] = [str(m.dtype) for m in masks]
    return obs


@case("B=3, S=5, T=4, ragged lengths", atol=0, rtol=0)
def typical(sub):
    return observe(sub.encoder_decoder_masks(torch.tensor([5, 2, 3]), torch.tensor([4, 1, 3]), 5, 4))


@case("no padding anywhere", atol=0, rtol=0)
def full(sub):
    return observe(sub.encoder_decoder_masks(torch.tensor([4, 4]), torch.tensor([6, 6]), 4, 6))


@case("length-1 sequences", atol=0, rtol=0)
def ones(sub):
    return observe(sub.encoder_decoder_masks(torch.tensor([1, 3]), torch.tensor([1, 1]), 3, 4))


@case("S=1, T=1", atol=0, rtol=0)
def tiny(sub):
    return observe(sub.encoder_decoder_masks(torch.tensor([1]), torch.tensor([1]), 1, 1))


@case("padded lengths beyond the longest sequence (S=7, T=6)", atol=0, rtol=0)
def extra_padding(sub):
    return observe(sub.encoder_decoder_masks(torch.tensor([2, 5, 4]), torch.tensor([3, 2, 5]), 7, 6))


@case("every row has a visible key (counts per row)", atol=0, rtol=0)
def counts(sub):
    enc, dec, cross = sub.encoder_decoder_masks(torch.tensor([6, 1, 3, 4]), torch.tensor([2, 5, 1, 3]), 6, 5)
    return {"enc_counts": enc.sum(-1), "dec_counts": dec.sum(-1), "cross_counts": cross.sum(-1)}
