"""transformers/encoder-decoder-masks: the masks against per-entry loops, and a whole nn.Transformer run with
our three masks against the same model run with torch's own padding masks and causal mask."""

import pytest
import torch
from itemload import reference, wrong
from torch import nn

ITEM = "transformers/encoder-decoder-masks"
ref = reference(ITEM)


def loop_masks(src, tgt, S, T):
    B = len(src)
    enc = [[[j < src[b] for j in range(S)] for _ in range(S)] for b in range(B)]
    dec = [[[j <= i and j < tgt[b] for j in range(T)] for i in range(T)] for b in range(B)]
    cross = [[[j < src[b] for j in range(S)] for _ in range(T)] for b in range(B)]
    return tuple(torch.tensor(m, dtype=torch.bool)[:, None] for m in (enc, dec, cross))


CASES = [([5, 2, 3], [4, 1, 3], 5, 4), ([4, 4], [6, 6], 4, 6), ([1, 3], [1, 1], 3, 4), ([1], [1], 1, 1),
         ([2, 5, 4], [3, 2, 5], 7, 6)]


@pytest.mark.parametrize("src,tgt,S,T", CASES)
def test_masks_match_loops(src, tgt, S, T):
    got = ref.encoder_decoder_masks(torch.tensor(src), torch.tensor(tgt), S, T)
    for ours, want in zip(got, loop_masks(src, tgt, S, T), strict=True):
        assert ours.dtype == torch.bool and ours.shape == want.shape
        assert torch.equal(ours, want)
        assert ours.any(-1).all()  # no empty rows


def test_decoder_triangle_matches_torch_helper():
    T = 6
    blocked = torch.isinf(nn.Transformer.generate_square_subsequent_mask(T))
    _, dec, _ = ref.encoder_decoder_masks(torch.tensor([3]), torch.tensor([T]), 3, T)
    assert torch.equal(dec[0, 0], ~blocked)


def test_whole_transformer_agrees_with_torch_masks():
    torch.manual_seed(0)
    d, H, B, S, T = 16, 2, 3, 6, 5
    model = nn.Transformer(d, H, num_encoder_layers=2, num_decoder_layers=2, dim_feedforward=32, dropout=0.0,
                           batch_first=True, dtype=torch.float64).train()
    src_len, tgt_len = torch.tensor([6, 2, 4]), torch.tensor([3, 5, 1])
    src = torch.randn(B, S, d, dtype=torch.float64)
    tgt = torch.randn(B, T, d, dtype=torch.float64)
    enc, dec, cross = ref.encoder_decoder_masks(src_len, tgt_len, S, T)

    def per_head(mask):  # ours (B, 1, L, S) True = may attend -> torch (B*H, L, S) True = blocked
        return ~mask.expand(-1, H, -1, -1).reshape(B * H, *mask.shape[-2:])

    ours = model(src, tgt, src_mask=per_head(enc), tgt_mask=per_head(dec), memory_mask=per_head(cross))
    causal_blocked = torch.isinf(nn.Transformer.generate_square_subsequent_mask(T))  # bool, like the others
    theirs = model(src, tgt, tgt_mask=causal_blocked,
                   src_key_padding_mask=torch.arange(S)[None] >= src_len[:, None],
                   tgt_key_padding_mask=torch.arange(T)[None] >= tgt_len[:, None],
                   memory_key_padding_mask=torch.arange(S)[None] >= src_len[:, None])
    assert not torch.isnan(ours).any()
    torch.testing.assert_close(ours, theirs, atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize("name", ["upper_triangle", "cross_from_target", "pads_queries", "off_by_one",
                                  "decoder_no_padding", "causal_cross"])
def test_wrong_variants_disagree_with_loops(name):
    src, tgt, S, T = [5, 2, 3], [4, 1, 3], 5, 4
    got = wrong(ITEM, name).encoder_decoder_masks(torch.tensor(src), torch.tensor(tgt), S, T)
    assert any(not torch.equal(g, w) for g, w in zip(got, loop_masks(src, tgt, S, T), strict=True))
