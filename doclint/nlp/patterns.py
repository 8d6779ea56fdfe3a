"""Loads the pattern data under rules/patterns/ once per process."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from doclint.paths import rules_dir


@cache
def load(name: str) -> dict[str, Any]:
    path = rules_dir() / "patterns" / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data
