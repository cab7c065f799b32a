from __future__ import annotations

import math  # noqa: F401  (math.tanh, math.exp)


class Value:
    """A scalar that remembers how it was computed, so gradients can flow back to it."""

    def __init__(self, data: float, _children: tuple = (), _op: str = ""):
        self.data = float(data)
        self.grad = 0.0
        raise NotImplementedError("store the children and a local backward function")

    def __add__(self, other) -> Value:
        raise NotImplementedError

    def __mul__(self, other) -> Value:
        raise NotImplementedError

    def __pow__(self, k: float) -> Value:
        """self ** k for a constant int or float k."""
        raise NotImplementedError

    def tanh(self) -> Value:
        raise NotImplementedError

    def exp(self) -> Value:
        raise NotImplementedError

    def relu(self) -> Value:
        raise NotImplementedError

    def backward(self) -> None:
        """Add d(self)/d(node) into node.grad for every node self depends on (self included)."""
        raise NotImplementedError("topological order, then local backward functions in reverse")

    # Derived operations: a number on either side must work (2 * v, 1 - v, 3 / v, ...).
    def __neg__(self) -> Value:
        raise NotImplementedError

    def __sub__(self, other) -> Value:
        raise NotImplementedError

    def __truediv__(self, other) -> Value:
        raise NotImplementedError

    def __radd__(self, other) -> Value:
        raise NotImplementedError

    def __rmul__(self, other) -> Value:
        raise NotImplementedError

    def __rsub__(self, other) -> Value:
        raise NotImplementedError

    def __rtruediv__(self, other) -> Value:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"Value(data={self.data}, grad={self.grad})"

