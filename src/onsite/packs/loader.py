"""Loading packs from disk, with `path:line` locations for every problem."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import ValidationError

from onsite.packs.models import ItemMeta, PackMeta

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
    def starter(self) -> str:
        return (self.path / "starter.py").read_text()

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

    @property
    def wrong_paths(self) -> list[Path]:
        return sorted((self.meta_dir / "wrong").glob("*.py"))


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


def yaml_line(path: Path, key_path: tuple[object, ...]) -> int:
    """The 1-based line of a (possibly nested) key in a YAML file, or 1 if unknown."""
    try:
        node = yaml.compose(path.read_text())
    except yaml.YAMLError:
        return 1
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
        data = yaml.safe_load(path.read_text())
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


def load_pack(path: Path = BUILTIN_PACK) -> Pack:
    """Load every item under ``path``; raise PackError listing every problem found."""
    pack_file = path / "pack.yaml"
    if not pack_file.exists():
        raise PackError([Problem(pack_file, 1, "a pack needs a pack.yaml")])
    meta = parse_model(pack_file, PackMeta, read_yaml(pack_file))
    items: dict[str, Item] = {}
    problems: list[Problem] = []
    for file in sorted(path.rglob("item.yaml")):
        if ".meta" in file.parts:
            continue
        try:
            item = load_item(file.parent)
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        if item.id in items:
            problems.append(Problem(file, yaml_line(file, ("id",)),
                                    f"id {item.id!r} is already used by {items[item.id].path}"))
            continue
        items[item.id] = item
    if problems:
        raise PackError(problems)
    return Pack(meta, path, items)
