"""Cross-check post-training/sequence-packing: a loop-based oracle for placement, positions and
mask, and an equivalence test: attention over a packed row with the mask equals causal attention
over each document alone (F.scaled_dot_product_attention)."""

import random

import pytest
import torch
import torch.nn.functional as F
from itemload import reference, wrong

ITEM = "post-training/sequence-packing"
ref = reference(ITEM)


def oracle(docs, row_len, pad_id):
    """Placement as a list of (row, start, doc), then every entry written one by one."""
    used = []  # used[r] = tokens placed in row r
    placed = []
    for doc in docs:
        doc = doc[:row_len]
        if len(doc) == 0:
            continue
        r = 0
        while r < len(used) and used[r] + len(doc) > row_len:
            r += 1
        if r == len(used):
            used.append(0)
        placed.append((r, used[r], doc))
        used[r] += len(doc)
    R = len(used)
    ids = [[pad_id] * row_len for _ in range(R)]
    pos = [[0] * row_len for _ in range(R)]
    owner = [[None] * row_len for _ in range(R)]
    for k, (r, start, doc) in enumerate(placed):
        for i, tok in enumerate(doc):
            ids[r][start + i] = tok
            pos[r][start + i] = i
            owner[r][start + i] = k
    mask = [[[False] * row_len for _ in range(row_len)] for _ in range(R)]
    for r in range(R):
        for i in range(row_len):
            for j in range(row_len):
                if i == j:
                    mask[r][i][j] = True
                elif owner[r][i] is not None and owner[r][i] == owner[r][j] and j < i:
                    mask[r][i][j] = True
    return ids, pos, mask, placed


def random_docs(n, lo, hi, seed):
    rng = random.Random(seed)
    return [[rng.randrange(1, 100) for _ in range(rng.randint(lo, hi))] for _ in range(n)]


@pytest.mark.parametrize("seed", range(12))
def test_matches_oracle(seed):
    rng = random.Random(seed)
    row_len = rng.choice([1, 3, 8, 16])
    docs = random_docs(rng.randint(0, 25), 0, row_len + 3, seed)
    ids, pos, mask = ref.pack_sequences(docs, row_len, pad_id=-7)
    want_ids, want_pos, want_mask, _ = oracle(docs, row_len, -7)
    assert ids.dtype == torch.int64 and pos.dtype == torch.int64 and mask.dtype == torch.bool
    assert ids.shape == (len(want_ids), row_len)
    assert ids.tolist() == want_ids
    assert pos.tolist() == want_pos
    assert mask.tolist() == want_mask


@pytest.mark.parametrize("seed", range(2))
def test_packed_attention_equals_per_document_attention(seed):
    docs = random_docs(10, 1, 9, 100 + seed)
    row_len, d = 12, 4
    ids, _, mask = ref.pack_sequences(docs, row_len)
    _, _, _, placed = oracle(docs, row_len, 0)
    g = torch.Generator().manual_seed(seed)
    emb = torch.randn(100, 3 * d, generator=g, dtype=torch.float64)
    q, k, v = emb[ids].split(d, dim=-1)
    packed = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    for r, start, doc in placed:
        x = emb[torch.tensor(doc)]
        dq, dk, dv = x.split(d, dim=-1)
        alone = F.scaled_dot_product_attention(dq, dk, dv, is_causal=True)
        torch.testing.assert_close(packed[r, start:start + len(doc)], alone)
    assert torch.isfinite(packed).all()


@pytest.mark.parametrize("name", ["next_fit", "best_fit", "sorted_first", "positions_not_restarting",
                                  "row_causal_mask", "bidirectional_within_document",
                                  "padding_as_a_document"])
def test_wrong_variants_disagree(name):
    bad = wrong(ITEM, name)
    docs = [[1] * 3, [2] * 6, [3] * 2, [4] * 1, [5] * 5, [6] * 4]
    ids, pos, mask = bad.pack_sequences(docs, 8)
    want_ids, want_pos, want_mask, _ = oracle(docs, 8, 0)
    assert (ids.tolist(), pos.tolist(), mask.tolist()) != (want_ids, want_pos, want_mask)
