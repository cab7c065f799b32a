"""Static checks on a submission's source, run in the verifier (never in the child).

Catches a forbidden API however it is spelled: attribute chains through import
aliases (``import torch.nn.functional as F; F.scaled_dot_product_attention``),
``from`` imports with ``as``, and a string that is exactly the name or the dotted
path (``getattr(F, "scaled_dot_product_attention")``). Prose that merely mentions
a name, such as a docstring, is fine.
The child also replaces the forbidden callables at run time, so a spelling that
slips past this check still fails when it runs.
"""

from __future__ import annotations

import ast


def forbidden_uses(source: str, forbidden: list[str] | tuple[str, ...]) -> list[str]:
    """Messages naming each forbidden use, with its line; empty when clean."""
    if not forbidden:
        return []
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []  # the child reports syntax errors with their line
    leaves = {name.rsplit(".", 1)[1]: name for name in forbidden}
    aliases = _import_aliases(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        hit = None
        if isinstance(node, ast.Attribute | ast.Name):
            dotted = _resolve(node, aliases)
            if dotted and any(dotted == f or dotted.startswith(f + ".") for f in forbidden):
                hit = dotted
            elif isinstance(node, ast.Attribute) and node.attr in leaves:
                hit = leaves[node.attr]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value.strip()
            hit = leaves.get(text) or (text if text in forbidden else None)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if full in forbidden or alias.name in leaves:
                    hit = leaves.get(alias.name, full)
        if hit:
            found.append(f"line {node.lineno}: uses {hit}, which this item forbids")
    return sorted(set(found), key=lambda m: int(m.split(":")[0].split()[1]))


def _import_aliases(tree: ast.AST) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    aliases[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return aliases


def _resolve(node: ast.AST, aliases: dict[str, str]) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in aliases:
        return None
    return ".".join([aliases[node.id], *reversed(parts)])
