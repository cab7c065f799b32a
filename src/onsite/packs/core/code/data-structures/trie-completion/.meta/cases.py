import random

from onsite.judge.cases import case


def pairs(result):
    """(key, count) pairs as plain lists; tuple keys become lists."""
    return [[list(k) if isinstance(k, tuple) else k, c] for k, c in result]


WORDS = [("car", 5), ("cart", 3), ("care", 3), ("cat", 7), ("dog", 2), ("ca", 1)]


@case("the worked example: completions, ties, delete")
def example(sub):
    t = sub.Trie()
    for w, c in WORDS:
        t.insert(w, c)
    out = {"complete('ca', 3)": pairs(t.complete("ca", 3)),
           "complete('car', 10)": pairs(t.complete("car", 10)),
           "len": len(t)}
    out["delete('car')"] = t.delete("car")
    out["complete('car', 5) after delete"] = pairs(t.complete("car", 5))
    out["len after delete"] = len(t)
    out["delete('car') again"] = t.delete("car")
    return out


@case("token-id sequences: tuple keys come back as tuples")
def tokens(sub):
    t = sub.Trie()
    t.insert((5, 2, 9), 2)
    t.insert((5, 2), 4)
    t.insert((5, 3), 4)
    t.insert((7,), 1)
    t.insert((5, 10), 4)
    out = {"complete((5,), 5)": pairs(t.complete((5,), 5)),
           "complete((), 2)": pairs(t.complete((), 2)),
           "key types": [type(k).__name__ for k, _ in t.complete((), 10)]}
    return out


@case("repeated inserts accumulate; count of prefixes and absent keys is 0")
def counts(sub):
    t = sub.Trie()
    for w in ["ab", "ab", "abc", "ab", "b"]:
        t.insert(w)
    t.insert("abc", 10)
    return {"counts [ab, abc, a, b, zz, '']": [t.count(w) for w in ["ab", "abc", "a", "b", "zz", ""]],
            "len": len(t), "complete('a', 5)": pairs(t.complete("a", 5))}


@case("deleting a key keeps longer keys through it and shorter keys on its path")
def delete_structure(sub):
    t = sub.Trie()
    for w, c in [("a", 1), ("ab", 2), ("abc", 3), ("abcd", 4), ("abx", 5)]:
        t.insert(w, c)
    out = {"delete('abc')": t.delete("abc"),
           "after deleting abc": pairs(t.complete("", 10))}
    out["delete('abcd')"] = t.delete("abcd")
    out["after deleting abcd"] = pairs(t.complete("ab", 10))
    out["complete('abc', 3) (pruned)"] = pairs(t.complete("abc", 3))
    out["delete('zz') / delete('ab') / delete('abcd') again"] = [t.delete("zz"), t.delete("ab"),
                                                                t.delete("abcd")]
    out["len"] = len(t)
    out["re-insert 'abc' then complete('a', 10)"] = (t.insert("abc", 2), pairs(t.complete("a", 10)))[1]
    return out


@case("edge cases: empty trie, k = 0, k larger than the matches, the empty key")
def edges(sub):
    t = sub.Trie()
    out = {"empty trie len": len(t), "empty trie complete": pairs(t.complete("", 3))}
    t.insert("", 3)
    t.insert("x", 3)
    t.insert("y", 9)
    out["complete('', 10)"] = pairs(t.complete("", 10))
    out["complete('', 0)"] = pairs(t.complete("", 0))
    out["complete('q', 2)"] = pairs(t.complete("q", 2))
    out["count('')"] = t.count("")
    out["delete('') then complete('', 10)"] = [t.delete(""), pairs(t.complete("", 10))]
    out["len"] = len(t)
    return out


@case("random word stream: 2000 inserts, 300 deletes, completions by prefix")
def stream(sub):
    rng = random.Random(0)
    letters = "abcde"
    t = sub.Trie()
    for _ in range(2000):
        t.insert("".join(rng.choices(letters, k=rng.randint(1, 5))), rng.randint(1, 3))
    deleted = [t.delete("".join(rng.choices(letters, k=rng.randint(1, 4)))) for _ in range(300)]
    out = {"deleted flags": deleted, "len": len(t)}
    for prefix in ["", "a", "ab", "ec", "ddd", "edcba"]:
        out[f"complete({prefix!r}, 7)"] = pairs(t.complete(prefix, 7))
    return out
