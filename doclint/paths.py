"""Where doclint's data lives: top-level rules/ and models/ in a checkout or editable install,
doclint/_data/ in a wheel (pyproject force-includes them there)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import BinaryIO

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
    """The user's cache folder for doclint (catalog embeddings, encoder weights, OCR text),
    owner-only. Only call it when something is to be cached: it creates the folder."""
    base = os.environ.get("DOCLINT_CACHE_DIR")
    if base:
        path = Path(base)
    else:
        from platformdirs import user_cache_dir

        path = Path(user_cache_dir("doclint", appauthor=False))
    return private_dir(path)


def private_dir(path: Path) -> Path:
    """`path`, created with any missing parents as owner-only (0o700) folders, and tightened to
    0o700 if it exists and is ours. chmod after mkdir: mkdir's mode is only what umask leaves."""
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    if not hasattr(os, "getuid"):  # Windows: no mode bits; the user's profile folder is private
        return path
    if path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o777 != 0o700:
        path.chmod(0o700)
    for folder in missing:
        folder.chmod(0o700)
    return path


def private_file(path: Path) -> BinaryIO:
    """A new file open for writing, owner-only (0o600) whatever the umask."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, 0o600)
    return os.fdopen(fd, "wb")
