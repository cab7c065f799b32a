"""pydantic models for the files of a pack (see docs/packs.md)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ITEM_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)+$")
DOTTED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")

Kind = Literal["code", "paper", "debug", "quiz", "open", "levels"]
Difficulty = Literal["easy", "medium", "hard"]
Company = Literal["openai", "anthropic", "deepmind"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PackMeta(Strict):
    """pack.yaml"""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    description: str = ""


class Limits(Strict):
    """Resource limits for one judged run of the item's cases."""

    wall_s: float = Field(default=20.0, gt=0, le=300)
    cpu_s: int = Field(default=20, gt=0, le=300)
    memory_mb: int = Field(default=1024, ge=64, le=16384)


class ItemMeta(Strict):
    """item.yaml: what every item declares."""

    id: str
    kind: Kind
    title: str = Field(min_length=3, max_length=100)
    family: str | None = None
    topics: list[str] = Field(min_length=1)
    difficulty: Difficulty
    minutes: int = Field(gt=0, le=240)
    companies: list[Company] = []
    # code items: the names the submission must define, and what it may not call
    entry: list[str] = []
    forbidden: list[str] = []
    limits: Limits = Limits()

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not ITEM_ID.match(value):
            raise ValueError("ids are lowercase words joined by '-', in '/'-separated parts, "
                             "like 'attention/scaled-dot-product'")
        return value

    @field_validator("forbidden")
    @classmethod
    def _dotted(cls, value: list[str]) -> list[str]:
        for name in value:
            if not DOTTED.match(name):
                raise ValueError(f"{name!r} is not a dotted name like 'torch.nn.MultiheadAttention'")
        return value
