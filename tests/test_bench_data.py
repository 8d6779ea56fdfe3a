"""The alignment benchmark data (bench/data/duty_lines.tsv, duty_lines_heldout.tsv, duty_lists.yaml)
stays well formed: every label is a real code of the official list (or X), and no line is counted
twice, within a file or across files (a held-out line that repeats a tuning line is not held out)."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
CODES_TSV = ROOT / "rules" / "catalog" / "e7-official-codes.tsv"  # the official list, copied with its sources
LINE_FILES = {"tuning": "duty_lines.tsv", "heldout": "duty_lines_heldout.tsv"}

LANGS = {"ko", "en", "mixed"}
KINDS = {"plain", "hard"}
VERDICTS = {"fits", "drift", "hybrid", "ineligible"}
INELIGIBLE = "X"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[A-Za-z]{2,}")


def _official_rows() -> list[dict[str, str]]:
    lines = [ln for ln in CODES_TSV.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _official_codes() -> set[str]:
    codes: set[str] = set()
    for row in _official_rows():
        codes.add(row["code"])
        if row["alias"]:
            codes.add(row["alias"])
    return codes


def _read_lines(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == ["text", "lang", "code", "kind"], name
        rows = list(reader)
    for row in rows:
        assert None not in row and all(row.values()), f"wrong number of columns in {name}: {row}"
    return rows


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.fixture(scope="module")
def codes() -> set[str]:
    found = _official_codes()
    assert len(found) > 90  # 93 rows plus aliases: a header or delimiter slip would show here
    return found | {INELIGIBLE}


@pytest.fixture(scope="module")
def line_sets() -> dict[str, list[dict[str, str]]]:
    return {key: _read_lines(name) for key, name in LINE_FILES.items()}


@pytest.fixture(scope="module")
def lines(line_sets: dict[str, list[dict[str, str]]]) -> list[dict[str, str]]:
    return line_sets["tuning"]


@pytest.fixture(scope="module")
def heldout(line_sets: dict[str, list[dict[str, str]]]) -> list[dict[str, str]]:
    return line_sets["heldout"]


@pytest.fixture(scope="module")
def cases() -> list[dict[str, Any]]:
    data = yaml.safe_load((DATA / "duty_lists.yaml").read_text(encoding="utf-8"))
    return data["cases"]


def _check_lang(text: str, lang: str) -> None:
    has_ko, has_en = bool(HANGUL.search(text)), bool(LATIN.search(text))
    if lang == "en":
        assert not has_ko, f"Hangul in an English line: {text}"
    else:
        assert has_ko, f"no Hangul in a {lang} line: {text}"
    if lang == "mixed":
        assert has_en, f"no English term in a mixed line: {text}"


@pytest.mark.parametrize(("key", "minimum"), [("tuning", 300), ("heldout", 180)])
def test_duty_lines_labels(
    line_sets: dict[str, list[dict[str, str]]], codes: set[str], key: str, minimum: int
) -> None:
    rows = line_sets[key]
    assert len(rows) >= minimum
    for row in rows:
        assert row["code"] in codes, row
        assert row["lang"] in LANGS, row
        assert row["kind"] in KINDS, row
        assert row["text"] == row["text"].strip(), row
        _check_lang(row["text"], row["lang"])


def test_duty_lines_cover_codes_and_anchors(lines: list[dict[str, str]]) -> None:
    per_code: dict[str, int] = {}
    for row in lines:
        per_code[row["code"]] = per_code.get(row["code"], 0) + 1
    assert sum(1 for code, n in per_code.items() if code != INELIGIBLE and n >= 4) >= 40
    assert per_code.get(INELIGIBLE, 0) >= 20


def test_heldout_covers_every_code(heldout: list[dict[str, str]]) -> None:
    # Every row of the official list (by its code or its alias) gets at least one held-out line.
    labelled = {row["code"] for row in heldout}
    missing = [r["code"] for r in _official_rows() if not {r["code"], r["alias"]} & labelled]
    assert not missing, f"codes without a held-out line: {missing}"
    assert sum(1 for row in heldout if row["code"] == INELIGIBLE) >= 10
    assert {row["lang"] for row in heldout} == LANGS and {row["kind"] for row in heldout} == KINDS


def test_duty_lists_cases(cases: list[dict[str, Any]], codes: set[str]) -> None:
    assert len(cases) >= 40
    ids = [case["id"] for case in cases]
    assert len(ids) == len(set(ids))
    for case in cases:
        assert {"id", "lang", "chosen", "gold", "verdict", "title", "duties"} <= case.keys(), case
        assert case["lang"] in LANGS and case["verdict"] in VERDICTS, case["id"]
        assert case["chosen"] in codes - {INELIGIBLE}, case["id"]
        assert case["gold"] in codes, case["id"]
        assert all(code in codes for code in case.get("also", [])), case["id"]
        assert 4 <= len(case["duties"]) <= 8, case["id"]
        assert all(isinstance(d, str) and d.strip() for d in case["duties"]), case["id"]
        assert isinstance(case["title"], str) and case["title"], case["id"]
        if case["lang"] == "mixed":  # bilingual: some lines carry English terms, all carry Korean
            _check_lang(" ".join(case["duties"]), "mixed")
        else:
            for duty in case["duties"]:
                _check_lang(duty, case["lang"])
        verdict, same = case["verdict"], case["chosen"] == case["gold"]
        assert (verdict == "ineligible") == (case["gold"] == INELIGIBLE), case["id"]
        if verdict == "fits":
            assert same, case["id"]
        if verdict == "drift":
            assert not same, case["id"]
        if verdict == "hybrid":
            assert case.get("also"), case["id"]


def test_no_duplicate_lines(
    line_sets: dict[str, list[dict[str, str]]], cases: list[dict[str, Any]]
) -> None:
    seen: set[str] = set()
    all_texts = [row["text"] for rows in line_sets.values() for row in rows]
    all_texts += [d for case in cases for d in case["duties"]]
    for text in all_texts:
        key = _norm(text)
        assert key not in seen, f"duplicate line: {text}"
        seen.add(key)
