"""Shared helpers for the content cross-checks: load an item's reference or wrong variant."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

# ONSITE_CONTENT_PACK points the cross-checks at a staging pack while content is written.
PACK = Path(os.environ.get("ONSITE_CONTENT_PACK")
            or Path(__file__).resolve().parents[2] / "src/onsite/packs/core")


def item_dir(item_id: str, kind: str = "code") -> Path:
    return PACK / kind / item_id


def load_module(path: Path) -> ModuleType:
    """Import one file as a fresh module, named after its path so files never collide."""
    name = "content_" + "_".join(path.with_suffix("").parts[-4:]).replace("-", "_").replace(".", "")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference(item_id: str, kind: str = "code") -> ModuleType:
    return load_module(item_dir(item_id, kind) / ".meta/solution.py")


def wrong(item_id: str, name: str, kind: str = "code") -> ModuleType:
    return load_module(item_dir(item_id, kind) / ".meta/wrong" / f"{name}.py")
