"""Cross-checks for numerics/scalar-autograd-engine: random expression graphs (shared
subexpressions, repeated operands, every operation) built once with the reference Value and
once with float64 torch scalars, values and gradients compared with torch.autograd."""

from __future__ import annotations

import math
import random

import pytest
import torch
from itemload import reference, wrong

ITEM = "numerics/scalar-autograd-engine"
ref = reference(ITEM)

UNARY = ["tanh", "exp", "relu", "pow2", "pow3", "powm1", "sqrt", "neg"]
BINARY = ["add", "mul", "sub", "div", "radd", "rmul", "rsub"]


def apply(op, a, b=None):
    """One operation, written so that it works for Value and torch scalars alike."""
    if op == "tanh":
        return a.tanh()
    if op == "exp":
        return a.exp()
    if op == "relu":
        return a.relu()
    if op == "pow2":
        return a ** 2
    if op == "pow3":
        return a ** 3
    if op == "powm1":
        return a ** -1
    if op == "sqrt":
        return a ** 0.5
    if op == "neg":
        return -a
    if op == "add":
        return a + b
    if op == "mul":
        return a * b
    if op == "sub":
        return a - b
    if op == "div":
        return a / b
    if op == "radd":
        return 1.5 + a
    if op == "rmul":
        return -0.7 * a
    if op == "rsub":
        return 2.0 - a
    raise ValueError(op)


def program(seed, n_leaves=4, n_ops=40):
    """A random straight-line program; every node may be read any number of times."""
    rng = random.Random(seed)
    leaves = [rng.uniform(-1.5, 1.5) for _ in range(n_leaves)]
    steps = []
    values = list(leaves)  # plain floats, only to keep the domains valid
    for _ in range(n_ops):
        i = rng.randrange(len(values))
        j = rng.randrange(len(values))
        x, y = values[i], values[j]
        choices = list(BINARY) + list(UNARY)
        rng.shuffle(choices)
        for op in choices:
            try:
                if op == "sqrt" and x <= 0.05:
                    continue
                if op in ("powm1",) and abs(x) < 0.3:
                    continue
                if op == "div" and abs(y) < 0.3:
                    continue
                if op == "exp" and x > 3:
                    continue
                if op in ("pow2", "pow3", "mul") and (abs(x) > 3 or abs(y) > 3):
                    continue
                if op == "relu" and abs(x) < 1e-9:
                    continue  # the kink: both engines say 0 there, but keep it clean
                v = apply(op, FloatBox(x), FloatBox(y)).v
            except (OverflowError, ZeroDivisionError, ValueError):
                continue
            if math.isfinite(v) and abs(v) < 50:
                steps.append((op, i, j))
                values.append(v)
                break
    return leaves, steps


class FloatBox:
    """Float with the same method names, used only to pick valid programs."""

    def __init__(self, v):
        self.v = float(v)

    def _o(self, o):
        return o.v if isinstance(o, FloatBox) else float(o)

    def tanh(self):
        return FloatBox(math.tanh(self.v))

    def exp(self):
        return FloatBox(math.exp(self.v))

    def relu(self):
        return FloatBox(max(self.v, 0.0))

    def __pow__(self, k):
        return FloatBox(self.v ** k)

    def __neg__(self):
        return FloatBox(-self.v)

    def __add__(self, o):
        return FloatBox(self.v + self._o(o))

    def __radd__(self, o):
        return FloatBox(self._o(o) + self.v)

    def __mul__(self, o):
        return FloatBox(self.v * self._o(o))

    def __rmul__(self, o):
        return FloatBox(self._o(o) * self.v)

    def __sub__(self, o):
        return FloatBox(self.v - self._o(o))

    def __rsub__(self, o):
        return FloatBox(self._o(o) - self.v)

    def __truediv__(self, o):
        return FloatBox(self.v / self._o(o))


def run_engine(Value, leaves, steps, n_out=3):
    nodes = [Value(x) for x in leaves]
    for op, i, j in steps:
        nodes.append(apply(op, nodes[i], nodes[j]))
    # The loss reads the last few nodes (and so the whole graph through them) once more.
    loss = nodes[-1]
    for k in range(2, n_out + 1):
        loss = loss + nodes[-k] * nodes[-k]
    loss.backward()
    return loss.data, [v.grad for v in nodes[: len(leaves)]], [v.data for v in nodes]


def run_torch(leaves, steps, n_out=3):
    xs = [torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in leaves]
    nodes = list(xs)
    for op, i, j in steps:
        a, b = nodes[i], nodes[j]
        nodes.append(torch.relu(a) if op == "relu" else apply(op, a, b))
    loss = nodes[-1]
    for k in range(2, n_out + 1):
        loss = loss + nodes[-k] * nodes[-k]
    g = torch.autograd.grad(loss, xs, allow_unused=True)
    grads = [0.0 if t is None else float(t) for t in g]
    return float(loss.detach()), grads, [float(v.detach()) for v in nodes]


@pytest.mark.parametrize("seed", range(8))
def test_random_graphs_match_torch_autograd(seed):
    leaves, steps = program(seed)
    assert len(steps) >= 30
    loss, grads, values = run_engine(ref.Value, leaves, steps)
    t_loss, t_grads, t_values = run_torch(leaves, steps)
    assert values == pytest.approx(t_values, rel=1e-12, abs=1e-12)
    assert loss == pytest.approx(t_loss, rel=1e-12)
    assert grads == pytest.approx(t_grads, rel=1e-10, abs=1e-12)


def test_second_backward_accumulates_like_torch():
    a, b = ref.Value(0.4), ref.Value(-0.9)
    ((a * b).tanh() + a ** 2).backward()
    ((a - b).exp() * b).backward()
    ta = torch.tensor(0.4, dtype=torch.float64, requires_grad=True)
    tb = torch.tensor(-0.9, dtype=torch.float64, requires_grad=True)
    ((ta * tb).tanh() + ta ** 2).backward()
    ((ta - tb).exp() * tb).backward()
    assert [a.grad, b.grad] == pytest.approx([float(ta.grad), float(tb.grad)], rel=1e-12)


def test_relu_at_zero_and_saturated_tanh_match_torch():
    x, z = ref.Value(0.0), ref.Value(500.0)
    (x.relu() * 3.0 + z.tanh() * x + z.tanh()).backward()
    tx = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
    tz = torch.tensor(500.0, dtype=torch.float64, requires_grad=True)
    (torch.relu(tx) * 3.0 + tz.tanh() * tx + tz.tanh()).backward()
    assert [x.grad, z.grad] == pytest.approx([float(tx.grad), float(tz.grad)], abs=1e-12)


@pytest.mark.parametrize("name", ["recursive_double_count", "assign_not_accumulate",
                                  "breadth_first_not_topological", "pow_exponent_not_lowered",
                                  "tanh_derivative_of_input"])
def test_wrong_variants_disagree_with_torch(name):
    bad = wrong(ITEM, name)
    disagree = 0
    for seed in range(8):
        leaves, steps = program(seed)
        _, grads, _ = run_engine(bad.Value, leaves, steps)
        _, t_grads, _ = run_torch(leaves, steps)
        if grads != pytest.approx(t_grads, rel=1e-6, abs=1e-9):
            disagree += 1
    assert disagree >= 1
