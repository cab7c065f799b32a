"""Masks padded query rows as well as keys (outer product): those rows are empty and give NaN."""
import torch


def encoder_decoder_masks(src_lengths, tgt_lengths, S, T):
    src_keys = torch.arange(S)[None, :] < src_lengths[:, None]
    tgt_keys = torch.arange(T)[None, :] < tgt_lengths[:, None]
    causal = torch.ones(T, T, dtype=torch.bool).tril()
    enc_mask = (src_keys[:, :, None] & src_keys[:, None, :])[:, None]
    dec_mask = (tgt_keys[:, :, None] & tgt_keys[:, None, :])[:, None] & causal
    cross_mask = (tgt_keys[:, :, None] & src_keys[:, None, :])[:, None]
    return enc_mask, dec_mask, cross_mask
