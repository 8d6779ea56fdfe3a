"""Case discovery: which files make up which applicant's case.

- a file given directly is a case of its own;
- a folder that directly holds supported documents is one case;
- otherwise each sub-folder holding documents is a case (recursively).
Hidden files, Office lock files (~$x.docx) and unsupported files are skipped quietly."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doclint.errors import UsageError
from doclint.readers import is_supported

MANIFEST = "doclint-case.toml"
MANIFEST_KEYS = {"code", "subcategory", "title", "annual_salary_krw", "employer_industry", "applicant"}


@dataclass
class Case:
    path: str  # as given on the command line (or joined under it)
    files: list[tuple[Path, str]]  # (real path, display path)
    manifest: dict[str, Any] = field(default_factory=dict)
    is_folder: bool = True


def _skip(name: str) -> bool:
    return name.startswith((".", "~$", "~")) or name.endswith(("~", ".tmp"))


def _display(root_display: str, root: Path, path: Path) -> str:
    rel = path.relative_to(root)
    return os.path.join(root_display, str(rel)) if str(rel) != "." else root_display


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from exc
    unknown = set(data) - MANIFEST_KEYS
    if unknown:
        raise UsageError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(MANIFEST_KEYS))}")
    if "code" in data:
        data["code"] = str(data["code"]).strip().upper()
    return data


def _entries(folder: Path) -> tuple[list[Path], list[Path]]:
    """The supported documents directly in `folder`, and its sub-folders (hidden/lock files skipped)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return [], []
    files: list[Path] = []
    subdirs: list[Path] = []
    for entry in entries:
        if _skip(entry.name):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir():
                subdirs.append(path)
            elif entry.is_file() and is_supported(path):
                files.append(path)
        except OSError:
            continue
    return files, subdirs


def _walk(folder: Path, display: str, root: Path, cases: list[Case], seen: set[tuple[int, int]]) -> None:
    try:
        st = folder.stat()
    except OSError:
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:  # a symlink loop
        return
    seen.add(key)
    files, subdirs = _entries(folder)
    if files:
        cases.append(Case(_display(display, root, folder), [(p, _display(display, root, p)) for p in files], read_manifest(folder)))
    for sub in subdirs:
        _walk(sub, display, root, cases, seen)


def _holding_case(path: Path, given: str) -> Case:
    """--whole-case: the case folder that holds a file given alone (pre-commit passes the
    changed files only, but the consistency rules need the whole folder)."""
    folder = path.parent
    parent = os.path.dirname(given)
    files, _ = _entries(folder)
    return Case(parent or ".", [(p, os.path.join(parent, p.name)) for p in files], read_manifest(folder))


def _key(case: Case) -> tuple[bool, str]:
    """What a case is on disk, so that a folder named twice (or a file and its folder) is one case."""
    first = case.files[0][0].resolve()
    return (case.is_folder, str(first.parent if case.is_folder else first))


def discover(paths: list[str], whole_case: bool = False) -> list[Case]:
    """Cases under the given paths, in a stable order, each once. Raises UsageError for a path
    that does not exist or names nothing doclint can check. With `whole_case`, a file given
    alone stands for the whole case folder that holds it."""
    cases: list[Case] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise UsageError(f"{given}: no such file or folder")
        if path.is_file():
            if not is_supported(path):
                raise UsageError(f"{given}: not a supported document (.docx, .pdf, .hwp, .hwpx, .txt, .md, images)")
            cases.append(_holding_case(path, given) if whole_case else Case(given, [(path, given)], {}, is_folder=False))
            continue
        found: list[Case] = []
        _walk(path, given.rstrip("/") or given, path, found, set())
        if not found:
            raise UsageError(f"{given}: no supported documents in this folder")
        cases.extend(found)
    unique: dict[tuple[bool, str], Case] = {}
    for case in cases:
        unique.setdefault(_key(case), case)
    return list(unique.values())
