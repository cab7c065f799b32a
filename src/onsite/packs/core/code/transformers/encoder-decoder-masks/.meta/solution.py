import torch
from torch import Tensor


def encoder_decoder_masks(src_lengths: Tensor, tgt_lengths: Tensor, S: int, T: int
                          ) -> tuple[Tensor, Tensor, Tensor]:
    B = src_lengths.shape[0]
    src_keys = torch.arange(S)[None, :] < src_lengths[:, None]  # (B, S): real source tokens
    tgt_keys = torch.arange(T)[None, :] < tgt_lengths[:, None]  # (B, T): real target tokens
    causal = torch.ones(T, T, dtype=torch.bool).tril()  # query i sees keys j <= i

    # Padding is a property of keys only; padded query rows keep their real keys so no row is empty.
    enc_mask = src_keys[:, None, None, :].expand(B, 1, S, S)
    dec_mask = tgt_keys[:, None, None, :] & causal  # (B, 1, T, T)
    # Decoder queries over encoder keys: source padding, and no causal part.
    cross_mask = src_keys[:, None, None, :].expand(B, 1, T, S)
    return enc_mask.contiguous(), dec_mask, cross_mask.contiguous()
