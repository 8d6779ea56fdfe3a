"""The occupation catalog: integrity of the default data against the official list
(rules/catalog/e7-official-codes.tsv), tabular user catalogs (CSV/TSV/XLSX) in and out, broken
catalogs as usage errors (exit 2), and `doclint codes`."""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, run_doclint, run_json
from doclint.catalog import CatalogError, load_catalog
from doclint.catalog.tabular import export_table, load_tabular

TSV = ROOT / "rules" / "catalog" / "e7-official-codes.tsv"  # the official list, copied with its sources
SAMPLE = str(ROOT / "samples" / "01-kim-web-developer")


def codes(*args: str) -> Any:
    """`doclint codes …` through the real click command, in-process (no interpreter start-up)."""
    from click.testing import CliRunner

    from doclint.cli import cli

    return CliRunner().invoke(cli, ["codes", *args], catch_exceptions=False)


def official_rows() -> list[dict[str, str]]:
    lines = [line.rstrip("\n") for line in TSV.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]]


# ---------------------------------------------------------------------------------- integrity


def test_every_official_code_is_in_the_catalog() -> None:
    catalog = load_catalog()
    codes = {e.code for e in catalog.codes}
    missing = [f"{r['code']} {r['name_ko']}" for r in official_rows() if r["code"] not in codes]
    assert not missing, f"{len(missing)} official code(s) missing from the default catalog: {', '.join(missing)}"


def test_catalog_entries_match_the_official_list() -> None:
    catalog = load_catalog()
    for row in official_rows():
        entry = catalog.get(row["code"])
        if entry is None:
            continue  # reported by the test above
        assert entry.name_ko == row["name_ko"], row["code"]
        assert entry.subcategory == row["subcategory"], row["code"]
        if row["alias"]:
            assert row["alias"] in entry.aliases, f"{row['code']}: alias {row['alias']} missing"
    official = {r["code"] for r in official_rows()} | {r["alias"] for r in official_rows() if r["alias"]}
    extra = [e.code for e in catalog.codes if e.code not in official]
    assert not extra, f"codes not on the official list: {extra}"


def test_no_number_is_used_twice() -> None:
    catalog = load_catalog()
    numbers = Counter(n for e in catalog.codes for n in [e.code, *e.aliases])
    numbers.update(e.code for e in catalog.ineligible)
    assert [n for n, k in numbers.items() if k > 1] == []


def test_every_code_is_defined_in_both_languages() -> None:
    catalog = load_catalog()
    thin = []
    for e in [*catalog.codes, *catalog.ineligible]:
        for lang in ("ko", "en"):
            lines = e.definition(lang)
            if len(lines) < 5 or any(not line.strip() for line in lines):
                thin.append(f"{e.code} definition_{lang}: {len(lines)} line(s)")
        if not e.name_en.strip() or not e.terms_ko or not e.terms_en:
            thin.append(f"{e.code}: English name or key terms missing")
    assert not thin, "\n".join(thin)


def test_thresholds_and_industries_are_data() -> None:
    catalog = load_catalog()
    assert catalog.thresholds is not None and catalog.thresholds.year >= 2025 and catalog.thresholds.source
    subs = catalog.thresholds.subcategories
    for sub in ("E-7-1", "E-7-2", "E-7-3", "E-7-S"):
        assert subs[sub].min_annual_krw and subs[sub].basis, sub
    assert subs["E-7-S"].min_annual_krw > subs["E-7-1"].min_annual_krw > subs["E-7-2"].min_annual_krw
    assert all(e.industries for e in catalog.codes if e.subcategory == "E-7-2" and e.code in ("31215", "3922", "43291"))
    assert catalog.catalog.as_of and catalog.catalog.sources and catalog.catalog.note


def test_guide_numbers_point_at_official_codes() -> None:
    catalog = load_catalog()
    assert catalog.guide("2871") is not None and catalog.guide("2871").official == ["S2855"]
    assert catalog.guide("2223").official == ["2224"]  # on the list, but guides mean web development
    for g in catalog.guide_numbers:
        for code in g.official:
            assert catalog.get(code) is not None, f"guide {g.number}: {code} not in the catalog"
        on_list = catalog.get(g.number)
        # a number on the list is recorded only when the guide means other work than the list
        assert on_list is None or on_list.code not in g.official or len(g.official) > 1, g.number


# ------------------------------------------------------------------------------ tabular files


@pytest.mark.parametrize("ext", ["csv", "tsv", "xlsx"])
def test_export_and_load_round_trip(tmp_path: Path, ext: str) -> None:
    catalog = load_catalog()
    path = tmp_path / f"list.{ext}"
    assert export_table(catalog, path) == len(catalog.codes)
    back = load_tabular(path, None, use_default=False)  # nothing filled in from the default
    assert [e.model_dump() for e in back.codes] == [e.model_dump() for e in catalog.codes]


def test_a_bare_hikorea_list_gets_our_definitions(tmp_path: Path) -> None:
    """CP949 CSV with a title line above Korean headers, one row using an alias, one unknown code."""
    path = tmp_path / "hikorea.csv"
    path.write_text("E-7 직종 목록 (2026.10 기준)\n\n연번,직종코드,직종명,세부자격\n1,2224,웹 개발자,E-7-1\n"
                    "2,271,경영 및 진단 전문가,전문인력\n3,29999,새 직종,E71\n", encoding="cp949")
    catalog = load_catalog(str(path))
    assert [e.code for e in catalog.codes] == ["2224", "271", "29999"]
    web = catalog.get("2224")
    assert web is not None and len(web.definition_en) >= 5 and web.name_en
    consult = catalog.get("2715")  # our code is now the alias of the user's number
    assert consult is not None and consult.code == "271" and consult.definition_ko
    assert catalog.get("29999").subcategory == "E-7-1" and catalog.get("29999").definition_en == []
    assert catalog.catalog.name == "hikorea" and catalog.thresholds is not None and catalog.guide("2871")
    assert catalog.get("2223") is None  # the user's list replaces the default's codes


def test_xlsx_with_numeric_code_cells(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Occupation code", "Korean name", "English name", "Subcategory", "Definition"])
    sheet.append([2224, "웹 개발자", "Web developer", "E-7-1", "Build web sites\nMaintain web servers"])
    sheet.append(["S2855", "영상관련 디자이너", None, "E-7-1", None])
    path = tmp_path / "codes.xlsx"
    book.save(path)
    catalog = load_catalog(str(path))
    assert catalog.get("2224").definition_en == ["Build web sites", "Maintain web servers"]  # the user's wins
    assert len(catalog.get("S2855").definition_en) >= 5  # ours fills the empty cell


@pytest.mark.parametrize(("content", "expected"), [
    ("code,name_ko\n2224,웹 개발자\nABC,이상한 코드\n", "row 3: code 'ABC' is not an occupation code"),
    ("code,name_ko,subcategory\n2224,웹 개발자,E-7-9\n", "row 2: subcategory 'E-7-9'"),
    ("code,name_ko\n2224,웹 개발자\n2224,웹 개발자\n", "row 3: code 2224 is already on row 2"),
    ("name,salary\nfoo,1\n", "no code column found"),
    ("code,name_en\n9998,\n", "row 2: code 9998 has no Korean name"),
    ("code,name_ko\n", "no codes"),
])
def test_broken_tables_name_file_and_row(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogError, match=r"bad\.csv") as exc:
        load_catalog(str(path))
    assert expected in str(exc.value)


def test_broken_catalog_is_exit_2_with_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("직종코드,직종명\n2224,웹 개발자\n22X4,오타\n", encoding="utf-8")
    proc = run_doclint("check", SAMPLE, "--catalog", str(bad))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "bad.csv, row 3" in proc.stderr and "22X4" in proc.stderr

    yaml_bad = tmp_path / "bad.yaml"
    yaml_bad.write_text("catalog: {name: mine, as_of: 2026-10-01}\ncodes:\n  - {code: '2224', name_en: Web developer}\n", encoding="utf-8")
    proc = run_doclint("check", SAMPLE, "--catalog", str(yaml_bad))
    assert proc.returncode == 2 and "codes[0] (code 2224).name_ko" in proc.stderr

    (tmp_path / "case").mkdir()
    (tmp_path / "doclint.toml").write_text('catalog = "missing.xlsx"\n', encoding="utf-8")
    doc = tmp_path / "case" / "contract.txt"
    doc.write_text("Employment Contract\nPosition: Web Developer\nOccupation code: 2224\n", encoding="utf-8")
    proc = run_doclint("check", str(doc))
    assert proc.returncode == 2 and "missing.xlsx: catalog file not found" in proc.stderr

    (tmp_path / "doclint.toml").write_text("[thresholds]\n\"E-7-1\" = \"lots\"\n", encoding="utf-8")
    proc = run_doclint("check", str(doc))
    assert proc.returncode == 2 and "[thresholds] E-7-1 must be a whole number" in proc.stderr


def test_user_catalog_reaches_the_json_report(tmp_path: Path) -> None:
    mine = tmp_path / "hikorea-2026-10.csv"
    mine.write_text("code,name_ko\n2224,웹 개발자\n", encoding="utf-8")
    _, data = run_json("check", SAMPLE, "--catalog", str(mine), "--select", "DL405")
    assert data["catalog"]["name"] == "hikorea-2026-10" and data["catalog"]["codes"] == 1
    _, data = run_json("check", SAMPLE, "--select", "DL405")
    assert data["catalog"]["name"] == "e7-default" and data["catalog"]["as_of"] == load_catalog().catalog.as_of.isoformat()


def test_config_catalog_key_is_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "codes.tsv").write_text("code\tname_ko\n2223\t응용 소프트웨어 개발자\n", encoding="utf-8")
    (tmp_path / "doclint.toml").write_text('catalog = "lists/codes.tsv"\n', encoding="utf-8")
    doc = tmp_path / "contract.txt"
    doc.write_text("Employment Contract\nPosition: Web Developer\nOccupation code: 2224\n", encoding="utf-8")
    _, data = run_json("check", str(doc), "--select", "DL405")
    assert data["catalog"]["name"] == "codes"
    assert [f["rule"] for f in data["cases"][0]["findings"]] == ["DL405"]  # 2224 is not on that list


# ---------------------------------------------------------------------------------- codes cmd


def test_codes_lists_and_filters() -> None:
    proc = codes("--format", "json")
    data = json.loads(proc.stdout)
    assert proc.exit_code == 0 and len(data["codes"]) == len(load_catalog().codes)
    assert {"code", "aliases", "subcategory", "name_ko", "name_en", "definition_ko", "definition_en"} <= set(data["codes"][0])
    assert data["catalog"]["name"] == "e7-default"
    data = json.loads(codes("--subcategory", "E-7-2", "--format", "json").stdout)
    assert data["codes"] and {c["subcategory"] for c in data["codes"]} == {"E-7-2"}
    text = codes("--subcategory", "E-7-2").stdout
    assert "3922" in text and "호텔 접수 사무원" in text and "2224" not in text


@pytest.mark.parametrize(("query", "expected"), [("통역", {"2814", "43213"}), ("interpreter", {"2814", "43213"}),
                                                 ("casino", {"43291"}), ("웹", {"2224"}), ("4329", {"43291"})])
def test_codes_search_korean_and_english(query: str, expected: set[str]) -> None:
    data = json.loads(codes(query, "--format", "json").stdout)
    assert expected <= {c["code"] for c in data["codes"]}


def test_codes_shows_one_code_in_full() -> None:
    proc = codes("2224", "--lang", "ko")
    assert proc.exit_code == 0
    assert "웹 개발자" in proc.stdout and "주요 직무" in proc.stdout and "최저 연봉 기준" in proc.stdout
    assert "2223 Web Developer" in proc.stdout  # the guide number that means this code
    data = json.loads(codes("3922", "--format", "json").stdout)
    entry = data["codes"][0]
    assert entry["industries"] and entry["threshold"]["min_annual_krw"] == 25_000_000 and entry["threshold"]["year"]


def test_codes_unknown_number_names_the_guide_mapping_and_near_numbers() -> None:
    proc = codes("2871")
    assert proc.exit_code == 1
    assert "guides call it Multimedia Producer" in proc.stdout and "S2855 영상관련 디자이너" in proc.stdout
    proc = codes("2242", "--format", "json")
    data = json.loads(proc.stdout)
    assert proc.exit_code == 1 and data["not_found"] and "2224" in data["near"]


def test_codes_export_is_a_catalog_check_reads(tmp_path: Path) -> None:
    out = tmp_path / "start.xlsx"
    proc = codes("--subcategory", "E-7-2", "--export", str(out))
    assert proc.exit_code == 0 and out.exists() and "wrote 10 code(s)" in proc.stderr
    catalog = load_catalog(str(out))
    assert {e.subcategory for e in catalog.codes} == {"E-7-2"} and catalog.get("3922").industries
    bad = tmp_path / "start.pdf"
    proc = codes("--export", str(bad))
    assert proc.exit_code == 2 and "export writes .csv, .tsv or .xlsx" in proc.stderr


def test_stale_user_catalog_dates_from_the_file(tmp_path: Path) -> None:
    old = tmp_path / "old.csv"
    old.write_text("code,name_ko\n2224,웹 개발자\n", encoding="utf-8")
    year_ago = time.time() - 400 * 86400
    os.utime(old, (year_ago, year_ago))
    assert load_tabular(old).catalog.as_of.year <= time.gmtime(year_ago).tm_year


def test_codes_reads_the_catalog_key_of_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "list.csv").write_text("직종코드,직종명\n2224,웹 개발자\n", encoding="utf-8")
    (tmp_path / "doclint.toml").write_text('catalog = "list.csv"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data = json.loads(codes("--format", "json").stdout)
    assert data["catalog"]["name"] == "list" and [c["code"] for c in data["codes"]] == ["2224"]
    assert data["codes"][0]["definition_en"]  # our definition, merged in
