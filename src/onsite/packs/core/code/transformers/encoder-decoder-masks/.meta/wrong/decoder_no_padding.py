"""Gives the decoder only the causal mask and forgets the target padding."""
import torch


def encoder_decoder_masks(src_lengths, tgt_lengths, S, T):
    B = src_lengths.shape[0]
    src_keys = torch.arange(S)[None, :] < src_lengths[:, None]
    causal = torch.ones(T, T, dtype=torch.bool).tril()
    enc_mask = src_keys[:, None, None, :].expand(B, 1, S, S)
    dec_mask = causal.expand(B, 1, T, T)
    cross_mask = src_keys[:, None, None, :].expand(B, 1, T, S)
    return enc_mask, dec_mask, cross_mask
