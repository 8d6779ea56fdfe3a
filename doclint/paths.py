"""Where doclint's data lives: top-level rules/ and models/ in a checkout or editable install,
doclint/_data/ in a wheel (pyproject force-includes them there)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PKG / "_data" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"doclint data folder {name!r} not found next to {_PKG}")


@cache
def rules_dir() -> Path:
    return _find("rules")


@cache
def models_dir() -> Path:
    return _find("models")


def cache_dir() -> Path:
    """The user's cache folder for doclint (catalog embeddings, OCR text), owner-only."""
    base = os.environ.get("DOCLINT_CACHE_DIR")
    if base:
        path = Path(base)
    else:
        from platformdirs import user_cache_dir

        path = Path(user_cache_dir("doclint", appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
