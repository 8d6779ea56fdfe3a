"""per-path-ignores: rules switched off for the files that match glob patterns, like ruff's
per-file-ignores. Patterns are relative to the configuration file's folder (the current folder
when there is none); `*` also crosses `/`, a pattern without `/` matches a file name anywhere,
a pattern naming a folder covers everything under it, and `!pattern` means "files NOT matching"."""

from __future__ import annotations

import os
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from doclint.config import Options
from doclint.model import Finding


def _candidates(path: Path, base: Path) -> list[str]:
    """The finding's path as patterns may be written: relative to the base, and each of its
    folders (a folder pattern covers what is under it); absolute when outside the base."""
    try:
        rel = PurePosixPath(path.relative_to(base).as_posix())
    except ValueError:
        rel = PurePosixPath(path.as_posix())
    return [str(rel), *(str(p) for p in rel.parents if str(p) not in (".", "/"))]


def _matches(pattern: str, path: Path, base: Path) -> bool:
    pattern = pattern.replace(os.sep, "/").removeprefix("./")
    candidates = _candidates(path, base)
    pattern = pattern.rstrip("/")
    if "/" not in pattern:  # a bare name: that file or folder anywhere below the base
        return any(fnmatchcase(part, pattern) for part in PurePosixPath(candidates[0]).parts)
    bare = pattern.removeprefix("**/")
    return any(fnmatchcase(c, pattern) or fnmatchcase(c, bare) for c in candidates)


def path_ignored(finding: Finding, options: Options) -> bool:
    return rule_ignored_at(finding.rule, finding.path, options)


def rule_ignored_at(rule: str, display_path: str, options: Options) -> bool:
    """Whether [per-path-ignores] turns `rule` off for this path (as given on the command line).
    The engine asks before running a document rule, and filters case findings after."""
    table = options.per_path_ignores
    if not table:
        return False
    base = Path(options.config_path).resolve().parent if options.config_path else Path.cwd()
    path = Path(display_path).resolve()  # paths are as given, relative to the current folder
    for pattern, codes in table.items():
        if rule not in codes:
            continue
        negated = pattern.startswith("!")
        if _matches(pattern.removeprefix("!"), path, base) != negated:
            return True
    return False
