"""The built-in pack: well-formed, every verdict trustworthy (through the real sandbox)."""

from __future__ import annotations

from pathlib import Path

import pytest

from onsite.packs.check import check_item, check_pack
from onsite.packs.loader import BUILTIN_PACK, PackError, load_pack
from onsite.packs.taxonomy import render_markdown

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = load_pack()


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    """One warm sandboxed worker per test process, shared by every item's check."""
    from onsite.judge.worker import SandboxRunner

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ONSITE_HOME", str(tmp_path_factory.mktemp("home")))
        with SandboxRunner() as runner:
            yield runner


@pytest.mark.parametrize("item_id", sorted(BUILTIN.items))
def test_builtin_item_is_clean_through_the_sandbox(item_id, sandbox):
    # Every reference, starter, wrong variant and trivial answer judged in isolation, so an
    # item that cannot run inside the sandbox (a blocked call, a limit) is caught here.
    problems = check_item(BUILTIN.items[item_id], BUILTIN, sandbox)
    assert problems == [], "\n".join(map(str, problems))


def test_builtin_pack_loads_without_problems():
    assert check_pack(BUILTIN_PACK, judge=False) == []


def test_builtin_pack_has_the_twelve_founding_items():
    ids = set(load_pack().items)
    assert len(ids) >= 12
    for family in ("transformers", "layers", "optimisation", "numerics", "post-training",
                   "inference", "data-structures"):
        assert any(i.meta.family == family for i in load_pack().items.values()), family


def test_topics_doc_is_generated_from_the_taxonomy():
    assert (ROOT / "docs" / "topics.md").read_text() == render_markdown()


def test_broken_yaml_is_located(tmp_path):
    (tmp_path / "pack.yaml").write_text("name: x\ntitle: X\n")
    item = tmp_path / "code" / "a" / "b"
    item.mkdir(parents=True)
    (item / "item.yaml").write_text("id: a/b\nkind: code\ntitle: ok title\ntopics: [x]\n"
                                    "difficulty: impossible\nminutes: 5\n")
    try:
        load_pack(tmp_path)
    except PackError as exc:
        text = str(exc)
    else:
        raise AssertionError("a bad difficulty was accepted")
    assert f"{item / 'item.yaml'}:5: difficulty" in text
