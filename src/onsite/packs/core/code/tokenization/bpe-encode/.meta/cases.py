from collections import Counter

from onsite.judge.cases import case

EXAMPLE = [(104, 101), (108, 108), (256, 108), (257, 111), (256, 259)]


def train(corpus: str, n_merges: int) -> list[tuple[int, int]]:
    """A small byte-level trainer (case helper): most frequent pair within words, ties by smallest."""
    words = [list(w.encode("utf-8")) for w in corpus.split(" ") if w]
    merges = []
    for r in range(n_merges):
        counts = Counter(p for w in words for p in zip(w, w[1:], strict=False))
        if not counts:
            break
        best = min(counts, key=lambda p: (-counts[p], p))
        merges.append(best)
        new = []
        for w in words:
            out, i = [], 0
            while i < len(w):
                if i + 1 < len(w) and (w[i], w[i + 1]) == best:
                    out.append(256 + r)
                    i += 2
                else:
                    out.append(w[i])
                    i += 1
            new.append(out)
        words = new
    return merges


CORPUS = ("the cat sat on the mat the cat ate the rat that sat on the hat "
          "these thin theses then thaw there then the other mother bathes") * 3
TRAINED = train(CORPUS, 30)


def vocab_lists(vocab, ids):
    return [list(vocab[i]) for i in ids]


@case("the worked example: ranks decide, not position")
def example(sub):
    return {"hello": sub.encode("hello", EXAMPLE), "hell": sub.encode("hell", EXAMPLE),
            "hello hell": sub.encode("hello hell", EXAMPLE),
            "abc with [(b,c), (a,b)]": sub.encode("abc", [(98, 99), (97, 98)]),
            "abc with [(a,b), (b,c)]": sub.encode("abc", [(97, 98), (98, 99)])}


@case("build_vocab: the bytes of every merged id")
def vocab(sub):
    v = sub.build_vocab(TRAINED)
    return {"size": len(v), "merged tokens": vocab_lists(v, range(256, 256 + len(TRAINED))),
            "a few bytes": vocab_lists(v, [0, 65, 255])}


@case("encode and decode with 30 merges trained on a small corpus")
def trained(sub):
    out = {}
    for text in ["the cat sat on the mat", "theses bathe mothers", "xyz the", "   the   "]:
        ids = sub.encode(text, TRAINED)
        out[f"encode {text!r}"] = ids
        out[f"round trip {text!r}"] = sub.decode(ids, TRAINED)
    return out


@case("repeated bytes merge left to right; a duplicated merge keeps its first rank")
def repeats(sub):
    aa = [(97, 97), (256, 97), (256, 256)]
    return {"aaa": sub.encode("aaa", aa), "aaaa": sub.encode("aaaa", aa),
            "aaaaaaa": sub.encode("aaaaaaa", aa),
            "duplicate pair": sub.encode("abab", [(97, 98), (256, 256), (97, 98)])}


@case("non-ASCII: UTF-8 bytes, merges inside multi-byte characters, decode joins bytes first")
def unicode(sub):
    text = "caf\u00e9 \u65e5\u672c \U0001f642"
    merges = [(195, 169), (230, 151), (240, 159), (258, 153)]   # é, part of 日, parts of the emoji
    ids = sub.encode(text, merges)
    split = sub.encode("\u00e9", [(99, 97)])     # no merge applies: two bytes
    return {"ids": ids, "decoded": sub.decode(ids, merges), "\u00e9 without merges": split,
            "decode of a lone lead byte": sub.decode([195], []),
            "decode of ids that split a character": sub.decode([97, 230, 151, 165], [])}


@case("edge cases: empty text, one byte, no merges")
def edges(sub):
    return {"empty": sub.encode("", TRAINED), "one byte": sub.encode("t", TRAINED),
            "no merges": sub.encode("hi!", []), "decode []": sub.decode([], TRAINED),
            "decode no merges": sub.decode([104, 105], [])}


@case("a longer text: 2000 characters through 30 merges, and back")
def longer(sub):
    text = (CORPUS + " ") * 5
    ids = sub.encode(text, TRAINED)
    return {"number of ids": len(ids), "first 50 ids": ids[:50], "last 50 ids": ids[-50:],
            "round trip equal": sub.decode(ids, TRAINED) == text}
