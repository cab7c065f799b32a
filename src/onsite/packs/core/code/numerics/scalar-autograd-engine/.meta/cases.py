import random

from onsite.judge.cases import case

# Plain float64 arithmetic on both sides: only the order of additions may differ.
TOL = {"atol": 1e-10, "rtol": 1e-8}


def draw(seed, n, lo=-2.0, hi=2.0):
    rng = random.Random(seed)
    return [rng.uniform(lo, hi) for _ in range(n)]


def grads(nodes):
    return [v.grad for v in nodes]


@case("worked example: L = (a*b + a)^2", **TOL)
def worked(sub):
    a, b = sub.Value(2.0), sub.Value(-3.0)
    c = a * b
    d = c + a
    loss = d * d
    loss.backward()
    return {"values": [c.data, d.data, loss.data], "grads": grads([a, b, c, d, loss])}


@case("one tanh neuron with three inputs", **TOL)
def neuron(sub):
    xs = [sub.Value(x) for x in draw(1, 3)]
    ws = [sub.Value(w) for w in draw(2, 3)]
    b = sub.Value(0.3)
    act = b
    for w, x in zip(ws, xs, strict=True):
        act = act + w * x
    out = act.tanh()
    out.backward()
    return {"values": [act.data, out.data], "grads": grads(xs + ws + [b, act])}


@case("diamond: one intermediate node read by three consumers", **TOL)
def diamond(sub):
    a, b = (sub.Value(v) for v in draw(3, 2))
    c = a * b + b           # the shared node
    p = c.tanh()
    q = c * c
    r = (c * 0.5).exp()
    loss = p * q + r - c
    loss.backward()
    return {"values": [c.data, p.data, q.data, r.data, loss.data],
            "grads": grads([a, b, c, p, q, r])}


@case("the same node on both sides: x*x, x+x, x**3, x/x", **TOL)
def same_operand(sub):
    x = sub.Value(1.7)
    sq = x * x
    tw = x + x
    cu = x ** 3
    one = x / x
    loss = sq + tw * cu + one * 5.0
    loss.backward()
    return {"values": [sq.data, tw.data, cu.data, one.data, loss.data],
            "grads": grads([x, sq, tw, cu, one])}


@case("numbers on the left, subtraction, division, negation", **TOL)
def reflected(sub):
    a, b = sub.Value(1.5), sub.Value(-0.8)
    e1 = 2 * a
    e2 = 1 - b
    e3 = 3 / a
    e4 = 1 + (-a) * b
    e5 = (a - b) / (a + 4.0)
    loss = e1 * e2 + e3 - e4 * e5
    loss.backward()
    return {"values": [e1.data, e2.data, e3.data, e4.data, e5.data, loss.data],
            "grads": grads([a, b, e1, e2, e3, e4, e5])}


@case("powers: negative, fractional and zero exponents", **TOL)
def powers(sub):
    x, y = sub.Value(2.5), sub.Value(0.4)
    terms = [x ** 2, x ** -1, x ** 0.5, y ** -2.5, y ** 1, x ** 0, (x * y) ** 3]
    loss = terms[0]
    for t in terms[1:]:
        loss = loss + t
    loss.backward()
    return {"values": [t.data for t in terms] + [loss.data], "grads": grads([x, y] + terms)}


@case("relu at exactly zero, on both sides, and exp of negatives", **TOL)
def relu_exp(sub):
    xs = [sub.Value(v) for v in (-1.5, 0.0, 0.0, 2.0)]
    zero_from_sum = xs[3] + (-2.0)            # exactly 0.0, not a leaf
    rs = [v.relu() for v in xs] + [zero_from_sum.relu()]
    es = [(v * -1.0).exp() for v in xs]
    loss = rs[0] * 3.0 + rs[1] * es[1] + rs[2] + rs[3] * rs[3] + rs[4] * 7.0
    for e in es:
        loss = loss + e
    loss.backward()
    return {"values": [r.data for r in rs] + [e.data for e in es] + [loss.data],
            "grads": grads(xs + [zero_from_sum])}


@case("tanh saturated at +-400 stays finite", **TOL)
def saturated(sub):
    a, b, c = sub.Value(400.0), sub.Value(-400.0), sub.Value(0.25)
    ta, tb = a.tanh(), b.tanh()
    loss = ta * c + tb * c + (c * 20.0).tanh()
    loss.backward()
    return {"values": [ta.data, tb.data, loss.data], "grads": grads([a, b, c])}


@case("two-layer tanh MLP, squared error over 4 samples", **TOL)
def mlp(sub):
    rng = random.Random(7)
    W1 = [[sub.Value(rng.uniform(-1, 1)) for _ in range(3)] for _ in range(4)]
    b1 = [sub.Value(rng.uniform(-0.5, 0.5)) for _ in range(4)]
    w2 = [sub.Value(rng.uniform(-1, 1)) for _ in range(4)]
    b2 = sub.Value(0.1)
    X = [[rng.uniform(-2, 2) for _ in range(3)] for _ in range(4)]
    Y = [1.0, -1.0, -1.0, 1.0]
    loss = sub.Value(0.0)
    preds = []
    for x, y in zip(X, Y, strict=True):
        hidden = []
        for row, bias in zip(W1, b1, strict=True):
            z = bias
            for w, xi in zip(row, x, strict=True):
                z = z + w * xi
            hidden.append(z.tanh())
        out = b2
        for w, h in zip(w2, hidden, strict=True):
            out = out + w * h
        preds.append(out)
        loss = loss + (out - y) ** 2
    loss = loss / len(X)
    loss.backward()
    params = [w for row in W1 for w in row] + b1 + w2 + [b2]
    return {"values": [p.data for p in preds] + [loss.data], "grads": grads(params)}


@case("a 100-step recurrence sharing its weight and bias", **TOL)
def recurrence(sub):
    w, b, u = sub.Value(0.9), sub.Value(0.05), sub.Value(0.3)
    h = sub.Value(0.5)
    states = []
    for t in range(100):
        h = (w * h + u * ((t % 7) - 3.0) + b).tanh()
        states.append(h)
    loss = h * h + states[97] * states[60]
    loss.backward()
    return {"values": [states[0].data, states[60].data, h.data, loss.data],
            "grads": grads([w, b, u, states[0], states[60], states[97]])}


@case("two losses on the same leaves: the second backward adds to .grad", **TOL)
def two_losses(sub):
    a, b = sub.Value(0.7), sub.Value(-1.2)
    first = (a * b).tanh() + a ** 2
    first.backward()
    after_first = grads([a, b])
    second = (a - b).exp() * b
    second.backward()
    return {"values": [first.data, second.data], "after_first": after_first,
            "after_second": grads([a, b])}


@case("backward on a leaf and on a single operation", **TOL)
def tiny(sub):
    a = sub.Value(3.0)
    a.backward()
    b = sub.Value(-0.5)
    c = b.exp()
    c.backward()
    return {"values": [a.data, c.data], "grads": grads([a, b, c])}
