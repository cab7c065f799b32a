import random

from onsite.judge.cases import case


def plain(pairs):
    return [[list(item) if isinstance(item, tuple) else item, score] for item, score in pairs]


@case("the worked example: ties go to the earlier arrival")
def example(sub):
    t = sub.TopK(3)
    for item, score in [("a", 5), ("b", 9), ("c", 5), ("d", 1), ("e", 9), ("f", 5)]:
        t.push(item, score)
    return {"items": plain(t.items()), "threshold": t.threshold(), "len": len(t)}


@case("state after every push, k = 2")
def every_step(sub):
    t = sub.TopK(2)
    states = []
    for item, score in [("p", 3), ("q", 3), ("r", 4), ("s", 3), ("t", 4), ("u", 5), ("v", 4)]:
        t.push(item, score)
        states.append([plain(t.items()), t.threshold(), len(t)])
    return {"states": states}


@case("k = 0 keeps nothing, k larger than the stream keeps everything")
def edges(sub):
    zero = sub.TopK(0)
    for i in range(5):
        zero.push(i, float(i))
    out = {"k=0 items": plain(zero.items()), "k=0 threshold": zero.threshold(), "k=0 len": len(zero),
           "k=10 over 4": plain(sub.top_k([("w", 1.5), ("x", -2.0), ("y", 1.5), ("z", 0.0)], 10)),
           "empty stream": plain(sub.top_k([], 3))}
    raised = "no error"
    try:
        sub.TopK(-1)
    except ValueError:
        raised = "ValueError"
    except Exception as exc:  # report which error it was instead
        raised = type(exc).__name__
    out["k=-1"] = raised
    return out


@case("incomparable items (dicts) with tied scores")
def dict_items(sub):
    stream = [({"id": i}, s) for i, s in enumerate([0.5, 0.7, 0.5, 0.9, 0.7, 0.5, 0.1])]
    return {"items": [[item["id"], score] for item, score in sub.top_k(stream, 4)]}


@case("3000 integer scores with many ties, k = 25")
def large(sub):
    rng = random.Random(0)
    stream = [(f"doc{i}", rng.randint(0, 300)) for i in range(3000)]
    t = sub.TopK(25)
    for item, score in stream:
        t.push(item, score)
    return {"items": plain(t.items()), "threshold": t.threshold()}


@case("float scores: negative, large, and an exact tie at the boundary")
def floats(sub):
    stream = [("a", -1e9), ("b", 3.25), ("c", 1e12), ("d", 3.25), ("e", -0.0), ("f", 0.0), ("g", 3.25)]
    return {"k=3": plain(sub.top_k(stream, 3)), "k=5": plain(sub.top_k(stream, 5))}
