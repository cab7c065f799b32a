import random

from onsite.judge.cases import case


def plain(batches):
    """Batches as lists of Python ints (np.argsort gives numpy integers, which do not serialise)."""
    return [[int(i) for i in b] for b in batches]


def lengths_of(n, seed, low=1, high=60):
    rng = random.Random(seed)
    # A long-tailed mix, like real text: many short sequences, a few long ones.
    return [min(high, max(low, int(rng.lognormvariate(2.8, 0.7)))) for _ in range(n)]


def random_batches_like(batches, n, seed):
    """Random batches with the same sizes as `batches`: what shuffled batching would give."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    out, start = [], 0
    for b in batches:
        out.append(order[start:start + len(b)])
        start += len(b)
    return out


@case("the worked example")
def example(sub):
    lengths = [5, 2, 8, 3, 2, 7]
    batches = plain(sub.bucket_batches(lengths, 12))
    return {"batches": batches, "padding": sub.count_padding(lengths, batches),
            "padding of [[0, 1, 2], [3, 4, 5]]": sub.count_padding(lengths, [[0, 1, 2], [3, 4, 5]])}


@case("ties keep index order; a batch exactly at the budget is allowed")
def ties_and_boundary(sub):
    lengths = [4, 4, 2, 4, 2, 4, 4, 1]
    return {"budget 12": plain(sub.bucket_batches(lengths, 12)),
            "budget 8": plain(sub.bucket_batches(lengths, 8)),
            "budget 16": plain(sub.bucket_batches(lengths, 16))}


@case("sequences longer than the budget get a batch of their own; empty and single inputs")
def edges(sub):
    return {"too long": plain(sub.bucket_batches([3, 50, 2, 40], 10)),
            "empty": plain(sub.bucket_batches([], 10)),
            "one": plain(sub.bucket_batches([7], 100)), "budget 1": plain(sub.bucket_batches([1, 1, 2], 1))}


@case("padding a batch: right padding to the batch's own maximum, mask True on tokens")
def padding(sub):
    sequences = [[7, 7, 7], [4], [9, 9], [1, 2, 3, 4, 5, 6]]
    tokens, mask = sub.pad_batch(sequences, [1, 2, 0], pad_id=-1)
    single, single_mask = sub.pad_batch(sequences, [1])
    return {"tokens": tokens, "mask": mask, "single tokens": single, "single mask": single_mask}


@case("500 long-tailed lengths, 2048-token budget: bucketed padding beats random batches")
def versus_random(sub):
    lengths = lengths_of(500, seed=0)
    batches = plain(sub.bucket_batches(lengths, 2048))
    rand = random_batches_like(batches, len(lengths), seed=1)
    ours, theirs = sub.count_padding(lengths, batches), sub.count_padding(lengths, rand)
    return {"number of batches": len(batches), "batch sizes": [len(b) for b in batches],
            "bucketed padding": ours, "random padding": theirs,
            "bucketed < random": ours < theirs,
            "every index once": sorted(i for b in batches for i in b) == list(range(len(lengths)))}


@case("end to end: bucket, pad every batch, count the pads in the masks")
def end_to_end(sub):
    rng = random.Random(3)
    lengths = lengths_of(40, seed=2, high=20)
    sequences = [[rng.randint(1, 99) for _ in range(n)] for n in lengths]
    batches = plain(sub.bucket_batches(lengths, 64))
    out = {"batches": batches}
    pads = 0
    for j, b in enumerate(batches[:3]):
        tokens, mask = sub.pad_batch(sequences, b, pad_id=0)
        out[f"tokens {j}"], out[f"mask {j}"] = tokens, mask
    for b in batches:
        _, mask = sub.pad_batch(sequences, b)
        pads += int((~mask.bool()).sum())
    out["pads in the masks"] = pads
    out["count_padding"] = sub.count_padding(lengths, batches)
    return out
