import random

from onsite.judge.cases import case


def observe(sub, docs, row_len, pad_id=0):
    ids, pos, mask = sub.pack_sequences([list(d) for d in docs], row_len, pad_id)
    return {"input_ids": ids, "position_ids": pos, "attention_mask": mask}


def random_docs(n, lo, hi, seed, vocab=50):
    rng = random.Random(seed)
    return [[rng.randrange(1, vocab) for _ in range(rng.randint(lo, hi))] for _ in range(n)]


@case("the worked example", atol=0, rtol=0)
def example(sub):
    return observe(sub, [[1, 2, 3], [4, 5, 6, 7], [8], [9, 9]], 5)


@case("first fit goes back to an earlier row", atol=0, rtol=0)
def first_fit_back(sub):
    # lengths 5, 5, 3, 2, 1 into rows of 8: 3 joins row 0, 2 joins row 1, 1 goes nowhere
    # but row 1 (row 0 is full).
    docs = [[11] * 5, [12] * 5, [13, 14, 15], [16, 17], [18]]
    return observe(sub, docs, 8)


@case("order is kept: no sorting by length", atol=0, rtol=0)
def no_sorting(sub):
    # Sorting longest-first (5, 4, 3, 2, 1) would give a different layout.
    docs = [[1, 2], [3, 4, 5, 6], [7, 8, 9], [10, 11, 12, 13, 14], [15]]
    return observe(sub, docs, 7)


@case("a document of exactly row_len, one longer (truncated), one empty", atol=0, rtol=0)
def truncation(sub):
    docs = [[1, 2, 3], [4, 5, 6, 7, 8, 9], [], [10, 11, 12, 13, 14, 15, 16, 17, 18], [19]]
    return observe(sub, docs, 6, pad_id=-1)


@case("30 random documents into rows of 16, pad id 99", atol=0, rtol=0)
def random_many(sub):
    return observe(sub, random_docs(30, 1, 12, seed=4), 16, pad_id=99)


@case("no documents: zero rows", atol=0, rtol=0)
def empty(sub):
    ids, pos, mask = sub.pack_sequences([], 4)
    return {"shapes": [list(ids.shape), list(pos.shape), list(mask.shape)],
            "dtypes": [str(ids.dtype), str(pos.dtype), str(mask.dtype)]}


@case("single-token documents fill one row exactly", atol=0, rtol=0)
def singletons(sub):
    return observe(sub, [[i] for i in range(1, 7)], 6)


@case("row_len 1", atol=0, rtol=0)
def row_len_one(sub):
    return observe(sub, [[5, 6], [7], [], [8, 9, 10]], 1)
