import random

from onsite.judge.cases import case


def one_key_per_merge(merges, num_merges):
    # One observable per merge, so a difference names the first merge that differs
    # instead of a truncated list; a missing merge shows up as None.
    values = {f"merge {i + 1}": merges[i] if i < len(merges) else None
              for i in range(max(len(merges), num_merges))}
    values["number of merges"] = len(merges)
    return values


def syllable_corpus(seed, n_types, n_words):
    rng = random.Random(seed)
    syllables = ["ka", "ri", "to", "ne", "ma", "lu", "sa", "be", "on", "er", "st", "qu"]
    types = set()
    for _ in range(n_types):
        stem = "".join(rng.choices(syllables, k=rng.randint(1, 4)))
        types.add(stem + rng.choice(["x", "y", "z", ""]))
    types = sorted(types)
    rng.shuffle(types)
    weights = [1.0 / (rank + 1) for rank in range(len(types))]  # Zipf-like word frequencies
    words = rng.choices(types, weights=weights, k=n_words)
    return [" ".join(words[i:i + 10]) for i in range(0, n_words, 10)]


@case("tiny corpus with a hand-checkable merge list")
def tiny(sub):
    corpus = ["rat cat", "cart rat tar"]
    merges = sub.train_bpe(corpus, 10)
    return {"merges": merges,
            "encode 'cattle'": sub.encode("cattle", [tuple(m) for m in merges]),
            "encode 'tart'": sub.encode("tart", [tuple(m) for m in merges])}


@case("word frequencies weight the pair counts (mixed whitespace)")
def frequencies(sub):
    corpus = ["xy  xy\txy\n", "  ab ac\tad ae  ", "xyz\n\nwab"]
    return {"merges": sub.train_bpe(corpus, 6)}


@case("ties: the smallest (left, right) pair wins, not the first seen")
def ties(sub):
    return {
        "four pairs of count 1": sub.train_bpe(["zy yx ab ba"], 10),
        "('a', 'd') beats ('ab', 'c')": sub.train_bpe(["ab ab abc ad"], 3),
        "merged symbols stay whole": sub.train_bpe(["ab ab abc bcd bcd"], 4),
    }


@case("repeated characters: overlapping pairs counted, merged left to right")
def repeated(sub):
    merges = [("a", "a"), ("aa", "a"), ("aa", "aa")]
    return {
        "aaaa, aaa, aa, a, aaaaa": sub.train_bpe(["aaaa aaa aa a aaaaa"], 6),
        "aaaa x2, aaa, bc x5": sub.train_bpe(["aaaa aaaa aaa bc bc bc bc bc"], 4),
        "encode 'aaaaaaa'": sub.encode("aaaaaaa", merges),
        "encode 'aaa'": sub.encode("aaa", merges),
    }


@case("num_merges beyond what the corpus allows stops early")
def early_stop(sub):
    return {
        "three short words, 100 merges": sub.train_bpe(["ab abc", "b a"], 100),
        "single letters only": sub.train_bpe(["a b c a"], 5),
        "empty corpus": sub.train_bpe([], 5),
        "whitespace-only corpus": sub.train_bpe(["   ", "\n\t"], 5),
        "num_merges=0": sub.train_bpe(["abc abc"], 0),
    }


@case("unicode characters are single symbols")
def unicode(sub):
    # Escapes keep each accented letter one precomposed code point (NFC).
    cafe, nihon, smile = "caf\u00e9", "\u65e5\u672c", "\U0001f642"
    corpus = [f"na\u00efve {cafe}", f"{cafe} cr\u00e8me", f"{nihon}\u8a9e {nihon} {nihon}",
              f"{smile * 2} {smile * 3}", "\u00fcn\u00ef \u00fcn\u00ef"]
    learned = sub.train_bpe(corpus, 12)
    merges = [tuple(m) for m in learned]
    return {**one_key_per_merge(learned, 12),
            "encode 'caf\u00e9s'": sub.encode(cafe + "s", merges),
            "encode '\u65e5\u672c\u8a9e\u5b66'": sub.encode(nihon + "\u8a9e\u5b66", merges),
            "encode four smileys": sub.encode(smile * 4, merges)}


@case("encode applies the lowest-ranked merge anywhere in the word first")
def rank_order(sub):
    return {
        # ("b", "c") outranks ("a", "b") although "ab" comes first in the word
        "abc with [(b,c), (a,b)]": sub.encode("abc", [("b", "c"), ("a", "b")]),
        # merging ("a", "b") creates ("ab", "c"), which ranks earlier and applies next
        "abc with [(ab,c), (a,b)]": sub.encode("abc", [("ab", "c"), ("a", "b")]),
        "abcabc with [(c,a), (b,c), (a,b), (ab,c)]": sub.encode(
            "abcabc", [("c", "a"), ("b", "c"), ("a", "b"), ("ab", "c")]),
        "tart with the tiny corpus merges": sub.encode(
            "tart", [("a", "t"), ("a", "r"), ("r", "at"), ("ar", "t"), ("c", "art"),
                     ("c", "at"), ("t", "ar")]),
    }


@case("encode: unseen characters, no merges, the empty string")
def encode_edges(sub):
    merges = [("l", "o"), ("lo", "w"), ("e", "r"), ("low", "er")]
    return {
        "lower": sub.encode("lower", merges),
        "slowly": sub.encode("slowly", merges),
        "unseen 'xyz'": sub.encode("xyz", merges),
        "no merges": sub.encode("low", []),
        "empty string": sub.encode("", merges),
        "one character": sub.encode("l", merges),
    }


@case("2000-word corpus: 100 merges, then encode")
def larger(sub):
    corpus = syllable_corpus(seed=7, n_types=200, n_words=2000)
    learned = sub.train_bpe(corpus, 100)
    values = one_key_per_merge(learned, 100)
    merges = [tuple(m) for m in learned]
    for word in ("karitone", "quonstx", "bemalusa", "zzz", "erstquka"):
        values[f"encode {word!r}"] = sub.encode(word, merges)
    return values
