"""Treats position j as real when j <= length, one padded key too many."""
import torch


def encoder_decoder_masks(src_lengths, tgt_lengths, S, T):
    B = src_lengths.shape[0]
    src_keys = torch.arange(S)[None, :] <= src_lengths[:, None]
    tgt_keys = torch.arange(T)[None, :] <= tgt_lengths[:, None]
    causal = torch.ones(T, T, dtype=torch.bool).tril()
    enc_mask = src_keys[:, None, None, :].expand(B, 1, S, S)
    dec_mask = tgt_keys[:, None, None, :] & causal
    cross_mask = src_keys[:, None, None, :].expand(B, 1, T, S)
    return enc_mask, dec_mask, cross_mask
