"""The occupation-code catalog: loading, validation, lookup.

`load_catalog()` gives the default catalog (rules/catalog/e7-default/, a folder of YAML files
merged in name order); `load_catalog(path)` a user's file. Loaded once per process."""

from __future__ import annotations

import contextlib
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from doclint.catalog.model import Catalog, CodeEntry
from doclint.paths import rules_dir

DEFAULT = "e7-default"


class CatalogError(Exception):
    """A catalog file that cannot be used; the message names the file, entry and field."""


def _yaml(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CatalogError(f"{path}: cannot read the catalog: {exc}") from exc
    if not isinstance(data, dict):
        raise CatalogError(f"{path}: expected a mapping at the top level")
    return data


def _merge(files: list[Path]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path in files:
        for key, value in _yaml(path).items():
            if isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            elif isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key].update(value)
            else:
                merged[key] = value
    return merged


def default_path() -> Path:
    return rules_dir() / "catalog" / DEFAULT


def _validate(data: dict[str, Any], where: str) -> Catalog:
    from pydantic import ValidationError

    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors()[:10]:
            loc = list(err["loc"])
            label = ".".join(str(x) for x in loc)
            if len(loc) >= 2 and loc[0] in ("codes", "ineligible") and isinstance(loc[1], int):
                with contextlib.suppress(IndexError, AttributeError, KeyError):
                    label = f"{loc[0]}[{loc[1]}] (code {data[loc[0]][loc[1]].get('code')}).{'.'.join(str(x) for x in loc[2:])}"
            problems.append(f"  {label}: {err['msg']}")
        raise CatalogError(f"{where}: invalid catalog:\n" + "\n".join(problems)) from exc


@cache
def load_catalog(path: str | None = None) -> Catalog:
    if path is None:
        folder = default_path()
        return _validate(_merge(sorted(folder.glob("*.yaml"))), str(folder))
    p = Path(path)
    if not p.exists():
        raise CatalogError(f"{p}: catalog file not found")
    if p.is_dir():
        return _validate(_merge(sorted(p.glob("*.yaml"))), str(p))
    if p.suffix.lower() in (".yaml", ".yml"):
        return _validate(_yaml(p), str(p))
    from doclint.catalog.tabular import load_tabular

    return load_tabular(p)


__all__ = ["Catalog", "CatalogError", "CodeEntry", "load_catalog"]
