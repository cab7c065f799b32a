import torch
from torch import Tensor


def encoder_decoder_masks(src_lengths: Tensor, tgt_lengths: Tensor, S: int, T: int
                          ) -> tuple[Tensor, Tensor, Tensor]:
    """Bool masks, True = may attend: enc (B,1,S,S), dec (B,1,T,T) causal + padding, cross (B,1,T,S)."""
    raise NotImplementedError("key padding from the lengths, plus a causal triangle for the decoder")
