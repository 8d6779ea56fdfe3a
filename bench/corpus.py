"""The blind reading corpus (bench/corpus/): case folders of real-looking documents written by
people who never saw doclint's code, each file with a `<file>.labels.yaml` beside it.

The corpus was split once, by case, before any reading code changed: `dev/` (one third) is for
development, `heldout/` (two thirds) is scored in aggregate only. `heldout.sha256` freezes the
held-out part; `verify()` refuses to score it if a byte changed.

    .venv/bin/python bench/corpus.py split SRC...   # once: move new batches in, split, freeze
    .venv/bin/python bench/corpus.py verify         # the held-out hash still matches
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent / "corpus"
PARTS = ("dev", "heldout")
FREEZE = ROOT / "heldout.sha256"
LABELS = ".labels.yaml"
# Batches by when they were written: round 1 (A–E) before any reading change, whose dev part the
# reader was then tuned on; round 2 (F–M) after that tuning, by new writers from a new brief — the
# reader had never met its layouts, so its held-out part (and, until code changes for it, its dev
# part) measures how the tuning generalises.
ROUNDS = {"A–E": "abcde", "F–M": "fghijklm"}


@dataclass
class LabelledFile:
    part: str
    case: str
    path: Path
    labels: dict[str, Any]


def part_of(case_name: str) -> str:
    """dev for one case in three, by a hash of its name: fixed before anyone looked."""
    digest = hashlib.sha256(case_name.encode()).digest()
    return "dev" if digest[0] % 3 == 0 else "heldout"


def round_of(case_name: str) -> str:
    """The writing round of a case folder named case-<batch letter><nn>-…"""
    letter = case_name.removeprefix("case-")[:1]
    return next((name for name, letters in ROUNDS.items() if letter in letters), "other")


def tree_hash(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def verify() -> str:
    want = FREEZE.read_text().split()[0]
    got = tree_hash(ROOT / "heldout")
    if want != got:
        raise SystemExit(f"bench/corpus/heldout changed since it was frozen ({got[:12]} != {want[:12]}): "
                         "the held-out part must not be edited")
    return got


def files(part: str) -> list[LabelledFile]:
    out: list[LabelledFile] = []
    for labels_path in sorted((ROOT / part).rglob("*" + LABELS)):
        if labels_path.name == "case" + LABELS:
            continue
        labels = yaml.safe_load(labels_path.read_text(encoding="utf-8")) or {}
        doc = labels_path.with_name(labels_path.name[: -len(LABELS)])
        if doc.is_file():
            out.append(LabelledFile(part, doc.parent.name, doc, labels))
    return out


def cases(part: str) -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for case_labels in sorted((ROOT / part).rglob("case" + LABELS)):
        out.append((case_labels.parent, yaml.safe_load(case_labels.read_text(encoding="utf-8")) or {}))
    return out


def split(sources: list[Path]) -> None:
    """Move each source batch's case folders into dev/ or heldout/ (generator scripts and
    summaries stay behind: they are how the documents were made, not documents)."""
    for src in sources:
        for case in sorted(p for p in src.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
            if not any(case.rglob("*" + LABELS)):
                continue
            dest = ROOT / part_of(case.name) / case.name
            if dest.exists():
                raise SystemExit(f"{dest} exists")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(case, dest)
    FREEZE.write_text(tree_hash(ROOT / "heldout") + "  heldout/\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["split"]:
        split([Path(p) for p in sys.argv[2:]])
        print(f"frozen: {FREEZE.read_text().strip()}")
    elif sys.argv[1:2] == ["verify"]:
        print(f"held-out part intact: {verify()[:16]}")
    else:
        raise SystemExit(__doc__)
