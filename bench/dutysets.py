"""The blind duty sets (bench/data/blind_sets/): whole jobs (4–8 duties) written by people who saw
only an official code name, a job title and an employer — never doclint's definitions — each
labelled with the code it belongs to; `hard` sets also name the tempting code of their field.

Split once, by set id, before any judging code changed: `dev.yaml` (one third) to develop and
train on, `heldout.yaml` (two thirds) scored in aggregate only, frozen by `heldout.sha256`.

    .venv/bin/python bench/dutysets.py split FILE...   # once
    .venv/bin/python bench/dutysets.py verify
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent / "data" / "blind_sets"
FREEZE = ROOT / "heldout.sha256"


def part_of(set_id: str) -> str:
    return "dev" if hashlib.sha256(set_id.encode()).digest()[0] % 3 == 0 else "heldout"


def verify() -> None:
    want = FREEZE.read_text().split()[0]
    got = hashlib.sha256((ROOT / "heldout.yaml").read_bytes()).hexdigest()
    if want != got:
        raise SystemExit("bench/data/blind_sets/heldout.yaml changed since it was frozen: it must not be edited")


def load(part: str) -> list[dict[str, Any]]:
    if part == "heldout":
        verify()
    return yaml.safe_load((ROOT / f"{part}.yaml").read_text(encoding="utf-8")) or []


def split(sources: list[Path]) -> None:
    parts: dict[str, list[dict[str, Any]]] = {"dev": [], "heldout": []}
    seen: set[str] = set()
    for src in sources:
        kind = "hard" if "hard" in src.stem else "x" if src.stem == "x" else "plain"
        for item in yaml.safe_load(src.read_text(encoding="utf-8")) or []:
            set_id = str(item["id"])
            if set_id in seen:
                set_id = f"{src.stem}-{set_id}"
            seen.add(set_id)
            item["id"] = set_id
            item["code"] = str(item["code"]).strip()
            item.setdefault("kind", "hard" if item.get("field_code") else kind)
            item["source"] = src.name
            parts[part_of(set_id)].append(item)
    ROOT.mkdir(parents=True, exist_ok=True)
    for part, items in parts.items():
        (ROOT / f"{part}.yaml").write_text(
            yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    FREEZE.write_text(hashlib.sha256((ROOT / "heldout.yaml").read_bytes()).hexdigest() + "  heldout.yaml\n")
    print({p: len(v) for p, v in parts.items()})


if __name__ == "__main__":
    if sys.argv[1:2] == ["split"]:
        split([Path(p) for p in sys.argv[2:]])
    elif sys.argv[1:2] == ["verify"]:
        verify()
        print("held-out sets intact")
    else:
        raise SystemExit(__doc__)
