"""`onsite pack check`: prove a pack is well-formed and its verdicts can be trusted.

For every code item: the files exist and parse, topics come from the taxonomy,
the reference passes every case, the starter fails, and every known-wrong
variant under .meta/wrong/ fails. Problems print as `path:line: message`.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path

from onsite.packs.loader import Item, Pack, PackError, Problem, load_pack, yaml_line
from onsite.packs.taxonomy import load_taxonomy

MIN_WRONG = 3
MIN_CASES = 3
MIN_HINTS = 2
CODE_FILES = ("prompt.md", "starter.py", "hints.md", ".meta/solution.py", ".meta/cases.py",
              ".meta/explain.md")


def check_pack(path: Path, runner=None, *, judge: bool = True, only: str | None = None,
               progress: Callable[[str], None] | None = None) -> list[Problem]:
    """Every problem in the pack (or in the items whose id starts with ``only``)."""
    try:
        pack = load_pack(path)
    except PackError as exc:
        return exc.problems
    problems: list[Problem] = []
    for item in pack.items.values():
        if only and not item.id.startswith(only):
            continue
        if progress:
            progress(item.id)
        problems.extend(check_item(item, pack, runner if judge else None))
    return problems


def check_item(item: Item, pack: Pack, runner=None) -> list[Problem]:
    problems = list(_taxonomy(item, pack))
    if item.meta.kind == "code":
        structural = list(_code_structure(item))
        problems.extend(structural)
        if runner is not None and not structural:
            problems.extend(_code_verdicts(item, runner))
    return problems


def _taxonomy(item: Item, pack: Pack) -> Iterator[Problem]:
    tax = load_taxonomy()
    file = item.path / "item.yaml"
    for i, topic in enumerate(item.meta.topics):
        if topic not in tax.topics:
            yield Problem(file, yaml_line(file, ("topics", i)),
                          f"topic {topic!r} is not in the taxonomy (docs/topics.md)")
    if item.meta.kind in ("code", "paper"):
        if item.meta.family is None:
            yield Problem(file, 1, "code items name a family from the taxonomy")
        elif item.meta.family not in tax.families:
            yield Problem(file, yaml_line(file, ("family",)),
                          f"family {item.meta.family!r} is not in the taxonomy")
    # The first folder under the pack groups items by kind; the rest is the id.
    expected_prefix = "/".join(item.path.relative_to(pack.path).parts[1:])
    if item.id != expected_prefix:
        yield Problem(file, yaml_line(file, ("id",)),
                      f"id {item.id!r} does not match its folder {expected_prefix!r}")


def _code_structure(item: Item) -> Iterator[Problem]:
    file = item.path / "item.yaml"
    for name in CODE_FILES:
        if not (item.path / name).is_file():
            yield Problem(item.path / name, 1, "missing: every code item has this file")
    if not item.meta.entry:
        yield Problem(file, 1, "entry: name at least one function or class the learner writes")
    if (item.path / "hints.md").is_file() and len(item.hints) < MIN_HINTS:
        yield Problem(item.path / "hints.md", 1,
                      f"{len(item.hints)} hints; give at least {MIN_HINTS}, each under a '## ' heading")
    for name in ("starter.py", ".meta/solution.py", ".meta/cases.py"):
        source_file = item.path / name
        if source_file.is_file():
            yield from _python_problems(source_file, item.meta.entry if name != ".meta/cases.py"
                                        else [])
    wrong = item.wrong_paths
    if len(wrong) < MIN_WRONG:
        yield Problem(item.meta_dir / "wrong", 1,
                      f"{len(wrong)} known-wrong variants; write at least {MIN_WRONG}")
    for path in wrong:
        yield from _python_problems(path, item.meta.entry)
        if not _docstring(path):
            yield Problem(path, 1, "start with a docstring saying which mistake this variant makes")


def _python_problems(path: Path, entry: list[str]) -> Iterator[Problem]:
    try:
        tree = ast.parse(path.read_text(), str(path))
    except SyntaxError as exc:
        yield Problem(path, exc.lineno or 1, f"syntax error: {exc.msg}")
        return
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)}
    for name in entry:
        if name not in defined:
            yield Problem(path, 1, f"does not define {name!r}, which item.yaml lists in entry")


def _docstring(path: Path) -> str | None:
    try:
        return ast.get_docstring(ast.parse(path.read_text()))
    except SyntaxError:
        return None


def _code_verdicts(item: Item, runner) -> Iterator[Problem]:
    from onsite.judge.verifier import ReferenceBroken, expected_for, judge_source

    try:
        cases = expected_for(item, runner).cases
        reference = judge_source(item, item.solution_path.read_text(), runner)
    except ReferenceBroken as exc:
        yield Problem(item.solution_path, 1, str(exc))
        return
    if len(cases) < MIN_CASES:
        yield Problem(item.cases_path, 1, f"{len(cases)} cases; write at least {MIN_CASES}")
    if not reference.passed:
        failing = [f"{t.name}: {t.message}" for t in reference.tests if t.status != "pass"]
        yield Problem(item.solution_path, 1, f"the reference does not pass: {reference.message}; "
                      + "; ".join(failing)[:500])
    starter = judge_source(item, item.starter, runner)
    if starter.passed:
        yield Problem(item.path / "starter.py", 1, "the starter passes every case")
    for path in item.wrong_paths:
        verdict = judge_source(item, path.read_text(), runner)
        if verdict.passed:
            yield Problem(path, 1, "this known-wrong variant passes every case: add a case "
                          "that tells it apart from the reference")


if __name__ == "__main__":
    # Authoring shortcut: python -m onsite.packs.check [ITEM-ID-PREFIX] (unisolated runner).
    import sys

    import torch

    from onsite.judge.local import LocalRunner
    from onsite.packs.loader import BUILTIN_PACK

    torch.set_num_threads(1)
    found = check_pack(BUILTIN_PACK, LocalRunner(), only=sys.argv[1] if len(sys.argv) > 1 else None,
                       progress=lambda i: print("checking", i, flush=True))
    for problem in found:
        print(problem)
    print("clean" if not found else f"{len(found)} problems")
    sys.exit(1 if found else 0)
