"""--format csv: a spreadsheet of findings that Excel opens with Hangul intact and that a hostile
document cannot turn into a formula; and --whole-case, which gives the pre-commit hook whole cases."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import ROOT, lint, run_doclint

SAMPLE_13 = ROOT / "samples" / "13-yoon-data-analyst-hwp"


@pytest.fixture(scope="module")
def samples_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("csv") / "report.csv"
    proc = run_doclint("check", "samples", "--format", "csv", "--lang", "ko", "--output", str(out))
    assert proc.returncode == 1, proc.stderr
    return out


def _rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, so that Excel reads Hangul"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_one_row_per_finding_and_per_clean_case(samples_csv: Path) -> None:
    from doclint.report.csv_format import COLUMNS

    rows = _rows(samples_csv)
    assert tuple(rows[0]) == COLUMNS
    kim = [r for r in rows if r["case"].endswith("01-kim-web-developer")]
    assert len(kim) == 1 and kim[0]["rule"] == "" and kim[0]["verdict"] == "ready"
    marcus = [r for r in rows if r["case"].endswith("02-marcus-marketing-manager")]
    assert {r["rule"] for r in marcus} >= {"DL401", "DL402"}
    drift = next(r for r in marcus if r["rule"] == "DL401")
    assert drift["severity"] == "error" and drift["verdict"] == "not_ready"
    assert drift["chosen_code"] == "2733" and drift["best_code"] != "2733"
    assert 0 <= float(drift["coverage"]) < float(drift["best_coverage"]) <= 1
    assert "직종" in drift["message"]  # Hangul intact (--lang ko)
    yoon = next(r for r in rows if r["rule"] == "DL503")
    assert yoon["path"].endswith((".hwp", ".hwpx")) and yoon["verdict"] in ("not_ready", "check")


def test_spreadsheet_sees_text_not_formulas(tmp_path: Path, make_doc) -> None:
    """A title that starts like a formula stays text, in csv and in Excel's own reading (openpyxl)."""
    openpyxl = pytest.importorskip("openpyxl")
    case = tmp_path / "case"
    case.mkdir()
    make_doc('# 근로계약서\n직위: 사원\n직종코드: 2224\n담당업무:\n- =HYPERLINK("http://x.invalid","클릭") 기타 업무\n- 기타 업무 지원\n',
             "근로계약서.docx", case)
    out = tmp_path / "r.csv"
    run_doclint("check", str(case), "--format", "csv", "--output", str(out))
    rows = _rows(out)
    cells = [v for r in rows for v in r.values() if v and "HYPERLINK" in v]
    assert cells, "the hostile duty is quoted as evidence (vague-duties)"
    assert all(not c.startswith(("=", "+", "-", "@")) for c in cells)
    # Excel's view: convert the CSV into a workbook as a spreadsheet program would, then read it back
    book = openpyxl.Workbook()
    sheet = book.active
    for row in csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")):
        sheet.append(row)
    saved = tmp_path / "r.xlsx"
    book.save(saved)
    loaded = openpyxl.load_workbook(saved)
    values = [c for row in loaded.active.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert values and all(c.data_type == "s" for c in values)
    assert any("근로계약서" in str(c.value) for row in loaded.active.iter_rows() for c in row)


def test_neutralise() -> None:
    from doclint.report.csv_format import neutralise

    assert neutralise("=1+1") == "'=1+1" and neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("-2+3") == "'-2+3" and neutralise("\t=x") == "'\t=x"
    assert neutralise("웹 개발자") == "웹 개발자" and neutralise(None) == "" and neutralise(3) == "3"


def test_whole_case_widens_a_file_to_its_folder() -> None:
    from doclint.discovery import discover

    files = sorted(str(p.relative_to(ROOT)) for p in SAMPLE_13.iterdir())
    alone = discover(files)
    assert len(alone) == 2 and not any(c.is_folder for c in alone)
    whole = discover(files, whole_case=True)
    assert len(whole) == 1, "two files of one folder are one case"
    assert whole[0].path == "samples/13-yoon-data-analyst-hwp"
    assert sorted(d for _, d in whole[0].files) == files
    # a folder and a file inside it: still one case
    assert len(discover(["samples/13-yoon-data-analyst-hwp", files[0]], whole_case=True)) == 1


def test_whole_case_runs_the_consistency_rules() -> None:
    one = SAMPLE_13 / "근로계약서.hwp"
    assert "DL503" not in [f.rule for f in lint(one).findings]
    proc = run_doclint("check", str(one.relative_to(ROOT)), "--whole-case", "--select", "DL5")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "DL503" in proc.stdout


def test_bad_format_in_configuration_exits_2(tmp_path: Path, make_doc) -> None:
    make_doc("# 근로계약서\n직위: 웹 개발자\n", "c.docx")
    (tmp_path / "doclint.toml").write_text('format = "xml"\n', encoding="utf-8")
    proc = run_doclint("check", str(tmp_path))
    assert proc.returncode == 2 and "format must be one of" in proc.stderr and "Traceback" not in proc.stderr
