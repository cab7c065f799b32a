from onsite.judge.cases import case


def toks(*sentences):
    return [s.split() for s in sentences]


def report(sub, hyps, refs, suffix=""):
    matches = [list(sub.ngram_matches(hyps, refs, n)) for n in (1, 2, 3, 4)]
    return {f"matches{suffix}": matches,
            f"bleu{suffix}": [float(sub.corpus_bleu(hyps, refs)),
                              float(sub.corpus_bleu(hyps, refs, smooth=True))]}


HYPS = toks("the cat is sitting on the mat today",
            "there is a big dog in the garden",
            "it is raining heavily in the city of london now")
REFS = [toks("the cat sits on the mat today", "a cat is sitting on the mat"),
        toks("a big dog is in the garden", "there is a large dog in the garden"),
        toks("it is raining hard in london", "heavy rain is falling in the city of london right now")]


@case("a three-sentence corpus with two references each", atol=1e-12, rtol=1e-9)
def corpus(sub):
    return report(sub, HYPS, REFS)


@case("clipping: 'the the the the' against 'the cat is on the mat'", atol=1e-12, rtol=1e-9)
def clipping(sub):
    hyps = toks("the the the the the the the")
    refs = [toks("the cat is on the mat", "there is a cat on the mat")]
    return report(sub, hyps, refs)


@case("identical hypothesis and reference: BLEU 1", atol=1e-12, rtol=1e-9)
def perfect(sub):
    hyps = toks("a b c d e f", "g h i j k")
    return report(sub, hyps, [[h] for h in hyps])


@case("a correct prefix: precision 1, only the brevity penalty", atol=1e-12, rtol=1e-9)
def brevity(sub):
    hyps = toks("one two three four five six")
    refs = [toks("one two three four five six seven eight nine ten")]
    return report(sub, hyps, refs)


@case("closest reference length, ties to the shorter one", atol=1e-12, rtol=1e-9)
def closest_ref(sub):
    # Hypothesis lengths 6 and 5; references 4 and 8 (tie at distance 2: take 4) and 3, 7, 9.
    hyps = toks("a b c d e f", "p q r s t")
    refs = [toks("a b c d", "a b c d e x y z"), toks("p q r", "p q r s t u v", "p q r s t u v w x")]
    # Length 8 against references of 5 and 9: the closest (9) is longer, so a penalty applies.
    longer = report(sub, toks("a b c d e f g h"), [toks("a b c d e", "a b c d e f g h i")],
                    "_closest_is_longer")
    return {**report(sub, hyps, refs), **longer}


@case("no 4-gram matches: 0 without smoothing, positive with it", atol=1e-12, rtol=1e-9)
def zero_fourgrams(sub):
    hyps = toks("the quick brown dog jumps over a lazy fox")
    refs = [toks("the quick brown fox jumps over the lazy dog")]
    return report(sub, hyps, refs)


@case("hypotheses shorter than n, and an empty hypothesis in a corpus", atol=1e-12, rtol=1e-9)
def short(sub):
    hyps = toks("hello world", "good", "")
    refs = [toks("hello big world"), toks("good morning", "good"), toks("nothing here")]
    return {**report(sub, hyps, refs, "_short"),
            **report(sub, toks(""), [toks("a b c")], "_empty_corpus")}


@case("larger synthetic corpus (40 sentences)", atol=1e-12, rtol=1e-9)
def synthetic(sub):
    import random

    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(12)]
    hyps, refs = [], []
    for _ in range(40):
        ref = [rng.choice(vocab) for _ in range(rng.randint(5, 14))]
        hyp = [t if rng.random() < 0.7 else rng.choice(vocab) for t in ref][: rng.randint(4, len(ref))]
        alt = [t if rng.random() < 0.6 else rng.choice(vocab) for t in ref] + ["w0"] * rng.randint(0, 3)
        hyps.append(hyp)
        refs.append([ref, alt])
    return report(sub, hyps, refs)
