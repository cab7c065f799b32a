"""Overwrites the slot ids of the already cached prefix with the new request's ids."""
from __future__ import annotations


class Node:
    def __init__(self, key: list[int], values: list[int], parent: Node | None, time: int):
        self.key = key                    # the tokens on the edge into this node
        self.values = values              # one KV slot id per token of the edge
        self.parent = parent
        self.children: dict[int, Node] = {}   # first token of the child's edge -> child
        self.ref = 0
        self.last_access = time


def common_length(a: list[int], b: list[int]) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


class RadixCache:
    def __init__(self) -> None:
        self.root = Node([], [], None, 0)
        self.clock = 0
        self.size = 0

    # --- internals ------------------------------------------------------------------

    def _split(self, child: Node, at: int) -> Node:
        """Cut child's edge after `at` tokens; return the new upper node."""
        upper = Node(child.key[:at], child.values[:at], child.parent, child.last_access)
        upper.ref = child.ref             # whoever locked the whole edge holds both halves
        child.parent.children[child.key[0]] = upper
        child.key, child.values, child.parent = child.key[at:], child.values[at:], upper
        upper.children[child.key[0]] = child
        return upper

    def _walk(self, tokens: list[int]) -> tuple[Node, int, list[Node]]:
        """Follow tokens down, splitting an edge where the match stops inside it.
        Returns the last node, the matched length and the nodes on the path."""
        node, i, path = self.root, 0, []
        while i < len(tokens) and tokens[i] in node.children:
            child = node.children[tokens[i]]
            n = common_length(child.key, tokens[i:])
            if n < len(child.key):
                child = self._split(child, n)
            path.append(child)
            node, i = child, i + n
        return node, i, path

    def _touch(self, path: list[Node]) -> None:
        for node in path:
            node.last_access = self.clock

    def _prefix(self, node: Node) -> tuple[int, ...]:
        parts = []
        while node is not self.root:
            parts.append(node.key)
            node = node.parent
        return tuple(t for key in reversed(parts) for t in key)

    # --- API ------------------------------------------------------------------------

    def insert(self, tokens: list[int], values: list[int]) -> int:
        self.clock += 1
        tokens, values = list(tokens), list(values)
        node, matched, path = self._walk(tokens)
        i = 0
        for n in path:
            n.values = values[i:i + len(n.key)]
            i += len(n.key)
        if matched < len(tokens):             # the rest becomes one new leaf
            leaf = Node(tokens[matched:], values[matched:], node, self.clock)
            node.children[tokens[matched]] = leaf
            path.append(leaf)
            self.size += len(tokens) - matched
        self._touch(path)
        return matched                        # the caller frees values[:matched]

    def match_prefix(self, tokens: list[int]) -> tuple[int, list[int]]:
        self.clock += 1
        _, matched, path = self._walk(list(tokens))
        self._touch(path)
        return matched, [v for node in path for v in node.values]

    def lock(self, tokens: list[int]) -> int:
        self.clock += 1
        _, matched, path = self._walk(list(tokens))
        self._touch(path)
        for node in path:
            node.ref += 1
        return matched

    def unlock(self, tokens: list[int]) -> None:
        tokens = list(tokens)
        node, i, path = self.root, 0, []
        while i < len(tokens):
            child = node.children.get(tokens[i])
            if child is None or tokens[i:i + len(child.key)] != child.key:
                raise KeyError("not a cached path ending on a node boundary")
            path.append(child)
            node, i = child, i + len(child.key)
        if any(n.ref == 0 for n in path):
            raise KeyError("unlock without a matching lock")
        for n in path:
            n.ref -= 1

    def evict(self, num_tokens: int) -> list[int]:
        freed: list[int] = []
        while len(freed) < num_tokens:
            leaves = [n for n in self._nodes() if not n.children and n.ref == 0]
            if not leaves:
                break
            victim = min(leaves, key=lambda n: (n.last_access, self._prefix(n)))
            del victim.parent.children[victim.key[0]]
            freed.extend(victim.values)
            self.size -= len(victim.key)
        return freed

    def _nodes(self) -> list[Node]:
        out, stack = [], list(self.root.children.values())
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(node.children.values())
        return out

    def evictable_size(self) -> int:
        return sum(len(n.key) for n in self._nodes() if n.ref == 0)

    def edges(self) -> list[tuple[int, ...]]:
        return sorted(self._prefix(n) for n in self._nodes())

    def __len__(self) -> int:
        return self.size
