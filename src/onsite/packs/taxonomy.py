"""The topic taxonomy every item's ``family`` and ``topics`` must come from."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

TAXONOMY_FILE = Path(__file__).with_name("taxonomy.yaml")


@dataclass(frozen=True)
class Taxonomy:
    families: dict[str, str]
    topics: dict[str, str]
    bug_classes: dict[str, str]


@cache
def load_taxonomy() -> Taxonomy:
    raw = yaml.safe_load(TAXONOMY_FILE.read_text())
    return Taxonomy(families=dict(raw["families"]), topics=dict(raw["topics"]),
                    bug_classes=dict(raw["bug_classes"]))


def render_markdown() -> str:
    """docs/topics.md, generated so the document and the data cannot drift."""
    tax = load_taxonomy()
    lines = [
        "# Topics",
        "",
        "Generated from `src/onsite/packs/taxonomy.yaml` by "
        "`python -m onsite.packs.taxonomy > docs/topics.md`; edit the YAML, not this file.",
        "",
        "## Implementation families",
        "",
        "Every `code` and `paper` item names one family (the coverage map's groups).",
        "",
        "| id | family |",
        "|---|---|",
        *[f"| `{k}` | {v} |" for k, v in tax.families.items()],
        "",
        "## Topics",
        "",
        "Every item lists one or more topics; abilities and statistics are kept per topic.",
        "",
        "| id | topic |",
        "|---|---|",
        *[f"| `{k}` | {v} |" for k, v in tax.topics.items()],
        "",
        "## Bug classes",
        "",
        "The planted bugs of `debug` items are named with these (`.meta/bugs.yaml`, `onsite bugs`).",
        "",
        "| id | bug |",
        "|---|---|",
        *[f"| `{k}` | {v} |" for k, v in tax.bug_classes.items()],
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render_markdown(), end="")
