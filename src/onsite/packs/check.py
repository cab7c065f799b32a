"""`onsite pack check`: prove a pack is well-formed and its verdicts can be trusted.

For every code and paper item: the files exist and parse, topics come from the taxonomy,
the reference passes every case, the starter fails, and every known-wrong
variant under .meta/wrong/ fails. Problems print as `path:line: message`.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path

from onsite.packs import trivial
from onsite.packs.loader import Item, Pack, PackError, Problem, load_pack, yaml_line
from onsite.packs.taxonomy import load_taxonomy

MIN_WRONG = 3
MIN_CASES = 3
MIN_HINTS = 2
CODE_FILES = ("prompt.md", "starter.py", "hints.md", ".meta/solution.py", ".meta/cases.py",
              ".meta/explain.md")


def check_pack(path: Path, runner=None, *, judge: bool = True, only: str | None = None,
               progress: Callable[[str], None] | None = None,
               thorough: bool = False) -> list[Problem]:
    """Every problem in the pack (or in the items whose id, or kind/id, starts with ``only``)."""
    try:
        pack = load_pack(path)
    except PackError as exc:
        return exc.problems
    problems: list[Problem] = [*_assessment_problems(path), *_loop_problems(path, pack)]
    for item in pack.items.values():
        if only and not f"{item.meta.kind}/{item.id}".startswith(only) \
                and not item.id.startswith(only):
            continue
        if progress:
            progress(item.id)
        problems.extend(check_item(item, pack, runner if judge else None, thorough=thorough))
    return problems


def _assessment_problems(path: Path) -> Iterator[Problem]:
    from onsite.packs.loader import load_assessments

    try:
        specs = load_assessments(path)
    except PackError as exc:
        yield from exc.problems
        return
    tax = load_taxonomy()
    known = {*tax.topics, *tax.families, "code", "paper", "debug", "quiz", "open", "levels"}
    for spec in specs.values():
        file = path / "assess" / f"{spec.id}.yaml"
        for i, q in enumerate(spec.questions):
            for name in q.evidence:
                if name not in known:
                    yield Problem(file, yaml_line(file, ("questions", i)),
                                  f"evidence {name!r} is not a topic, family or item kind")


def _loop_problems(path: Path, pack: Pack) -> Iterator[Problem]:
    """Every mock loop's rounds name known topics and ids, and can be filled twice over."""
    from onsite.packs.loader import load_loops
    from onsite.packs.loops import candidates

    try:
        loops = load_loops(path)
    except PackError as exc:
        yield from exc.problems
        return
    tax = load_taxonomy()
    for loop in loops.values():
        file = path / "mock" / f"{loop.id}.yaml"
        for i, round_ in enumerate(loop.rounds):
            where = yaml_line(file, ("rounds", i))
            pick = round_.pick
            for name in pick.topics:
                if name not in tax.topics:
                    yield Problem(file, where, f"round {round_.id}: {name!r} is not a topic")
            for name in pick.families:
                if name not in tax.families:
                    yield Problem(file, where, f"round {round_.id}: {name!r} is not a family")
            for item_id in pick.items:
                if item_id not in pack.items:
                    yield Problem(file, where, f"round {round_.id}: no item {item_id!r}")
            found = len(candidates(round_, pack.items.values()))
            # Twice the count, so that sitting the loop again does not repeat the first sitting.
            if found < 2 * pick.count:
                yield Problem(file, where, f"round {round_.id}: {found} {round_.kind} items "
                              f"qualify; a round asking {pick.count} needs at least "
                              f"{2 * pick.count}")


def check_item(item: Item, pack: Pack, runner=None, *, thorough: bool = False) -> list[Problem]:
    """Every problem of one item; ``thorough`` judges a debug item on every seed, not one."""
    if item.meta.kind == "quiz":
        return list(_quiz_problems(item, pack))
    problems = list(_taxonomy(item, pack))
    if item.meta.kind == "open":
        return problems + list(_open_structure(item))
    if item.meta.kind == "debug":
        structural = list(_debug_structure(item))
        problems.extend(structural)
        if runner is not None and not structural:
            problems.extend(_debug_verdicts(item, runner, thorough))
        return problems
    if item.meta.kind == "levels":
        structural = list(_levels_structure(item))
        problems.extend(structural)
        if runner is not None and not structural:
            problems.extend(_levels_verdicts(item, runner))
        return problems
    if item.meta.kind in ("code", "paper"):
        structural = list(_code_structure(item))
        if item.meta.kind == "paper":
            structural.extend(_paper_structure(item))
        problems.extend(structural)
        if runner is not None and not structural:
            problems.extend(_code_verdicts(item, runner))
    return problems


def _quiz_problems(item: Item, pack: Pack) -> Iterator[Problem]:
    """The schema already proved the answer matches the choices; here, where it lives."""
    tax = load_taxonomy()
    for topic in item.meta.topics:
        if topic not in tax.topics:
            yield Problem(item.path, item.line, f"topic {topic!r} is not in the taxonomy "
                          "(docs/topics.md)")
    folder = item.path.relative_to(pack.path).parts[1]
    if item.meta.topics[0] != folder:
        yield Problem(item.path, yaml_line(item.path, ("topic",)),
                      f"the file's topic {item.meta.topics[0]!r} differs from its folder {folder!r}")


DEBUG_FILES = ("prompt.md", "script.py", "hints.md", ".meta/solution.py", ".meta/task.py",
               ".meta/bugs.yaml", ".meta/explain.md")
# Generic trivial answers a debug item must reject: a constant class, the inputs echoed.
DEBUG_TRIVIAL = {
    "predicts zeros": ("import torch\n\ndef train(data, seed):\n    return None, [0.0]\n\n"
                       "def predict(model, inputs):\n"
                       "    return torch.zeros(len(next(iter(inputs.values()))))\n"),
    "echoes its inputs": ("def train(data, seed):\n    return None, [0.0]\n\n"
                          "def predict(model, inputs):\n    return next(iter(inputs.values()))\n"),
}


def _debug_structure(item: Item) -> Iterator[Problem]:
    file = item.path / "item.yaml"
    for name in DEBUG_FILES:
        if not (item.path / name).is_file():
            yield Problem(item.path / name, 1, "missing: every debug item has this file")
    if item.meta.debug is None:
        yield Problem(file, 1, "debug items declare `debug: {metric, threshold, seeds}`")
    if set(item.meta.entry) != {"train", "predict"}:
        yield Problem(file, yaml_line(file, ("entry",)), "a debug item's entry is [train, predict]")
    for name in ("script.py", ".meta/solution.py"):
        if (item.path / name).is_file():
            yield from _python_problems(item.path / name, item.meta.entry)
    if not item.bugs_path.is_file():
        return
    try:
        bugs = item.bugs
    except PackError as exc:
        yield from exc.problems
        return
    classes = load_taxonomy().bug_classes
    script_lines = item.starter.splitlines() if item.starter_path.is_file() else []
    for i, bug in enumerate(bugs):
        where = yaml_line(item.bugs_path, ("bugs", i))
        if bug.bug_class not in classes:
            yield Problem(item.bugs_path, where, f"bug class {bug.bug_class!r} is not in the "
                          "taxonomy's bug_classes (docs/topics.md)")
        if bug.line > len(script_lines) or not script_lines[bug.line - 1].strip():
            yield Problem(item.bugs_path, where, f"line {bug.line} of script.py is blank or missing")


def _debug_verdicts(item: Item, runner, thorough: bool) -> Iterator[Problem]:
    from onsite.judge.debug import judge_debug

    seeds = item.meta.debug.seeds if thorough else item.meta.debug.seeds[:1]
    for seed in seeds:
        fixed = judge_debug(item, item.solution_path.read_text(), runner, seed)
        if not fixed.passed:
            yield Problem(item.solution_path, 1, f"the fix does not pass on seed {seed}: "
                          f"{fixed.message}")
        broken = judge_debug(item, item.starter, runner, seed)
        if broken.passed:
            yield Problem(item.starter_path, 1, f"the broken script passes on seed {seed}: "
                          f"{broken.message}")
    for label, source in DEBUG_TRIVIAL.items():
        verdict = judge_debug(item, source, runner, seeds[0])
        if verdict.passed:
            yield Problem(item.task_path, 1, f"a script that {label} passes: {verdict.message}")


def _rubric(item: Item, why: str):
    """(problems, the parsed rubric or None) for an item that must have one."""
    if not item.rubric_path.is_file():
        return [Problem(item.rubric_path, 1, f"missing: {why}")], None
    try:
        return [], item.rubric
    except PackError as exc:
        return exc.problems, None


def _open_structure(item: Item) -> Iterator[Problem]:
    """An open question: the prompt, and a rubric with hiring-signal levels."""
    if not (item.path / "prompt.md").is_file():
        yield Problem(item.path / "prompt.md", 1, "missing: every open item has this file")
    problems, rubric = _rubric(item, "an open item is graded against this rubric")
    yield from problems
    if rubric is None:
        return
    if rubric.levels is None:
        yield Problem(item.rubric_path, 1, "an open item's rubric says what strong, lean and no "
                      "answers look like (levels)")
    if not rubric.pitfalls:
        yield Problem(item.rubric_path, 1, "list the common pitfalls (pitfalls)")


def _paper_structure(item: Item) -> Iterator[Problem]:
    """A paper item is a code item plus the follow-up question and its rubric."""
    problems, rubric = _rubric(item, "a paper item grades its follow-up answer against this rubric")
    yield from problems
    if rubric is None:
        return
    if not 4 <= len(rubric.points) <= 6:
        yield Problem(item.rubric_path, yaml_line(item.rubric_path, ("points",)),
                      f"{len(rubric.points)} key points; a paper follow-up has 4 to 6")


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


LEVELS_FILES = ("prompt.md", "starter.py", "hints.md", ".meta/solution.py", ".meta/explain.md")


def _levels_structure(item: Item) -> Iterator[Problem]:
    file = item.path / "item.yaml"
    if not item.meta.levels:
        yield Problem(file, 1, "a levels item declares how many levels it has: `levels: 4`")
        return
    if not item.meta.entry:
        yield Problem(file, 1, "entry: name the class the learner writes")
    names = [*LEVELS_FILES, *(f"level{k}.md" for k in range(1, item.meta.levels + 1))]
    for k in range(1, item.meta.levels + 1):
        names.append(f".meta/levels/{k}/cases.py")
        if k < item.meta.levels:
            names.append(f".meta/levels/{k}/solution.py")
    for name in names:
        path = item.path / name
        if not path.is_file():
            yield Problem(path, 1, "missing: every levels item has this file")
        elif name.endswith(".py"):
            yield from _python_problems(path, [] if name.endswith("cases.py") else item.meta.entry)
    if (item.path / "hints.md").is_file() and len(item.hints) < MIN_HINTS:
        yield Problem(item.path / "hints.md", 1,
                      f"{len(item.hints)} hints; give at least {MIN_HINTS}, each under a '## ' heading")


def _levels_verdicts(item: Item, runner) -> Iterator[Problem]:
    """Every level passes on the full reference; the level-k reference stops at level k."""
    from onsite.judge.verifier import ReferenceBroken, expected_for, judge_source

    levels = [item.level(k) for k in range(1, (item.meta.levels or 0) + 1)]
    for view in levels:
        try:
            expectation = expected_for(view, runner)
        except ReferenceBroken as exc:
            yield Problem(item.solution_path, 1, f"level {view.level}: {exc}")
            return
        if len(expectation.cases) < MIN_CASES:
            yield Problem(view.cases_path, 1,
                          f"{len(expectation.cases)} cases; write at least {MIN_CASES}")
        yield from _forged_verdicts(view, expectation)
        echo = judge_source(view, trivial.echo_source(item.meta.entry), runner)
        if echo.passed:
            yield Problem(view.cases_path, 1, "a submission that returns its first input "
                          "unchanged passes every case")
    if judge_source(levels[0], item.starter, runner).passed:
        yield Problem(item.path / "starter.py", 1, "the starter passes level 1")
    for view in levels:
        source = view.level_solution_path.read_text()
        for other in levels[: view.level + 1]:
            verdict = judge_source(other, source, runner)
            if other.level <= view.level and not verdict.passed:
                failing = [f"{t.name}: {t.message}" for t in verdict.tests if t.status != "pass"]
                yield Problem(view.level_solution_path, 1, f"fails level {other.level}: "
                              + ("; ".join(failing) or verdict.message)[:400])
            elif other.level > view.level and verdict.passed:
                yield Problem(view.level_solution_path, 1,
                              f"the level-{view.level} reference already passes level "
                              f"{other.level}: that level adds nothing it tests")


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
        expectation = expected_for(item, runner)
        reference = judge_source(item, item.solution_path.read_text(), runner)
    except ReferenceBroken as exc:
        yield Problem(item.solution_path, 1, str(exc))
        return
    if len(expectation.cases) < MIN_CASES:
        yield Problem(item.cases_path, 1,
                      f"{len(expectation.cases)} cases; write at least {MIN_CASES}")
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
    echo = judge_source(item, trivial.echo_source(item.meta.entry), runner)
    if echo.passed:
        yield Problem(item.cases_path, 1, "a submission that returns its first input unchanged "
                      "passes every case")
    yield from _forged_verdicts(item, expectation)


def _forged_verdicts(item: Item, expectation) -> Iterator[Problem]:
    """Observables forged from the reference's (zeros, random, the mean) must fail a case."""
    from onsite.judge.compare import compare_values

    for label, how in trivial.FORGES.items():
        pairs = [(expectation.results[c.name].values, c) for c in expectation.cases]
        forged = [(values, trivial.forge(values, how), c) for values, c in pairs]
        if all(trivial.unchanged(values, fake) for values, fake, _ in forged):
            continue  # the forge reproduces the answer itself: nothing to reject
        if all(compare_values(values, fake, c) is None for values, fake, c in forged):
            yield Problem(item.cases_path, 1, f"a submission whose observables are {label} "
                          "passes every case: add a case whose expected values it cannot match")


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
