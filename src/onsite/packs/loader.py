"""Loading packs from disk, with `path:line` locations for every problem."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import ValidationError

from onsite.packs.models import (
    AssessmentSpec,
    ItemMeta,
    LoopSpec,
    PackMeta,
    QuizFile,
    QuizQuestion,
    Rubric,
)

BUILTIN_PACK = Path(__file__).with_name("core")
HINT_HEADING = re.compile(r"^## ", re.MULTILINE)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack, located as precisely as we can."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class PackError(Exception):
    """A pack or item could not be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Item:
    """An item on disk. Learner-facing files at the top, judge-only ones under .meta/."""

    meta: ItemMeta
    path: Path
    # quiz items: the question, and where it starts in its file (path is the file)
    quiz: QuizQuestion | None = None
    line: int = 1

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def meta_dir(self) -> Path:
        return self.path / ".meta"

    @property
    def prompt(self) -> str:
        return (self.path / "prompt.md").read_text()

    @property
    def starter_path(self) -> Path:
        """What the learner starts from: a debug item's broken script, else the starter."""
        return self.path / ("script.py" if self.meta.kind == "debug" else "starter.py")

    @property
    def starter(self) -> str:
        return self.starter_path.read_text()

    @property
    def task_path(self) -> Path:
        """A debug item's data: make_data(seed) -> train split, held-out inputs and targets."""
        return self.meta_dir / "task.py"

    @property
    def bugs_path(self) -> Path:
        return self.meta_dir / "bugs.yaml"

    @cached_property
    def bugs(self) -> list:
        from onsite.packs.models import BugsFile

        return list(parse_model(self.bugs_path, BugsFile, read_yaml(self.bugs_path)).bugs)

    @cached_property
    def hints(self) -> list[str]:
        """hints.md split at each '## ' heading: one hint per section, in order."""
        file = self.path / "hints.md"
        if not file.exists():
            return []
        parts = HINT_HEADING.split(file.read_text())
        return ["## " + p.strip() for p in parts[1:] if p.strip()]

    @property
    def explanation(self) -> str:
        return (self.meta_dir / "explain.md").read_text()

    @property
    def solution_path(self) -> Path:
        return self.meta_dir / "solution.py"

    @property
    def cases_path(self) -> Path:
        return self.meta_dir / "cases.py"

    def level(self, k: int) -> LevelView:
        """A levels item's level ``k`` (from 1), judged like a code item with its own cases."""
        return LevelView(self.meta, self.path, level=k)

    def level_spec(self, k: int) -> str:
        return (self.path / f"level{k}.md").read_text()

    @property
    def wrong_paths(self) -> list[Path]:
        return sorted((self.meta_dir / "wrong").glob("*.py"))

    @property
    def rubric_path(self) -> Path:
        return self.meta_dir / "rubric.yaml"

    @cached_property
    def rubric(self) -> Rubric | None:
        """The grading rubric of a written answer, or None when the item has none."""
        if not self.rubric_path.exists():
            return None
        return parse_model(self.rubric_path, Rubric, read_yaml(self.rubric_path))


@dataclass(frozen=True)
class LevelView(Item):
    """One level of a levels item: its own hidden cases, the same full reference.

    The id carries the level so that each level's expectations are cached apart.
    """

    level: int = 1

    @property
    def id(self) -> str:
        return f"{self.meta.id}@level{self.level}"

    @property
    def cases_path(self) -> Path:
        return self.meta_dir / "levels" / str(self.level) / "cases.py"

    @property
    def level_solution_path(self) -> Path:
        """A reference that implements exactly levels 1..k (the last level's is the full one)."""
        if self.level == self.meta.levels:
            return self.solution_path
        return self.meta_dir / "levels" / str(self.level) / "solution.py"


@dataclass(frozen=True)
class Pack:
    meta: PackMeta
    path: Path
    items: dict[str, Item]

    def get(self, item_id: str) -> Item:
        try:
            return self.items[item_id]
        except KeyError:
            raise KeyError(f"no item {item_id!r} in pack {self.meta.name!r}") from None


# libyaml when it is there: the pure-Python parser takes seconds over the whole pack.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(path: Path) -> yaml.Node | None:
    try:
        return yaml.compose(path.read_text(), Loader=_LOADER)
    except yaml.YAMLError:
        return None


def yaml_line(path: Path, key_path: tuple[object, ...], node: yaml.Node | None = None) -> int:
    """The 1-based line of a (possibly nested) key in a YAML file, or 1 if unknown.
    Pass the file's composed ``node`` when looking up many keys in one file."""
    node = node if node is not None else compose(path)
    line = 1
    for key in key_path:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == str(key)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def read_yaml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(), Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise PackError([Problem(path, line, f"invalid YAML: {exc}")]) from None
    if not isinstance(data, dict):
        raise PackError([Problem(path, 1, "expected a mapping of keys to values")])
    return data


def parse_model(path: Path, model: type, data: dict):
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [
            Problem(path, yaml_line(path, tuple(err["loc"])),
                    f"{'.'.join(str(x) for x in err['loc']) or 'file'}: {err['msg']}")
            for err in exc.errors()
        ]
        raise PackError(problems) from None


def load_item(folder: Path) -> Item:
    file = folder / "item.yaml"
    return Item(parse_model(file, ItemMeta, read_yaml(file)), folder)


QUIZ_MINUTES = {"easy": 1, "medium": 2, "hard": 3}


def load_quiz_file(file: Path) -> list[Item]:
    """Every question of one quiz file as an item whose id is 'quiz/<topic>/<question id>'."""
    parsed: QuizFile = parse_model(file, QuizFile, read_yaml(file))
    items = []
    node = compose(file)
    for index, q in enumerate(parsed.questions):
        title = " ".join(q.question.split())
        meta = ItemMeta(
            id=f"quiz/{parsed.topic}/{q.id}", kind="quiz",
            title=title if len(title) <= 100 else title[:97] + "...",
            topics=[parsed.topic, *(t for t in q.topics if t != parsed.topic)],
            difficulty=q.difficulty, minutes=QUIZ_MINUTES[q.difficulty], companies=q.companies)
        items.append(Item(meta, file, quiz=q, line=yaml_line(file, ("questions", index), node)))
    return items


def _pack_files(path: Path) -> list[tuple[Path, bool]]:
    """(file, is_quiz) for every item.yaml and every quiz file, in a stable order."""
    found = [(f, False) for f in path.rglob("item.yaml") if ".meta" not in f.parts]
    quiz = path / "quiz"
    if quiz.is_dir():
        found += [(f, True) for f in quiz.rglob("*.yaml")]
    return sorted(found)


def load_pack(path: Path = BUILTIN_PACK) -> Pack:
    """Load every item under ``path``; raise PackError listing every problem found."""
    pack_file = path / "pack.yaml"
    if not pack_file.exists():
        raise PackError([Problem(pack_file, 1, "a pack needs a pack.yaml")])
    meta = parse_model(pack_file, PackMeta, read_yaml(pack_file))
    items: dict[str, Item] = {}
    problems: list[Problem] = []
    for file, is_quiz in _pack_files(path):
        try:
            loaded = load_quiz_file(file) if is_quiz else [load_item(file.parent)]
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        for item in loaded:
            if item.id in items:
                line = item.line if is_quiz else yaml_line(file, ("id",))
                problems.append(Problem(file, line, f"id {item.id!r} is already used by "
                                                    f"{items[item.id].path}"))
                continue
            items[item.id] = item
    if problems:
        raise PackError(problems)
    return Pack(meta, path, items)


def load_assessments(path: Path = BUILTIN_PACK) -> dict[str, AssessmentSpec]:
    """The self-assessments under assess/ in a pack, by id."""
    return _load_specs(path / "assess", AssessmentSpec)


def load_loops(path: Path = BUILTIN_PACK) -> dict[str, LoopSpec]:
    """The mock interview loops under mock/ in a pack, by id."""
    return _load_specs(path / "mock", LoopSpec)


def _load_specs(folder: Path, model):
    """One spec per YAML file in ``folder``, keyed by id; the id must be the file's name."""
    found = {}
    problems: list[Problem] = []
    for file in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            spec = parse_model(file, model, read_yaml(file))
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        if spec.id != file.stem:
            problems.append(Problem(file, yaml_line(file, ("id",)),
                                    f"id {spec.id!r} differs from the file name {file.stem!r}"))
        found[spec.id] = spec
    if problems:
        raise PackError(problems)
    return found
