"""The command line end to end, as a user meets it: real subprocesses on real files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, run_doclint, run_json

SCHEMA = json.loads((ROOT / "tests" / "schema" / "report.schema.json").read_text(encoding="utf-8"))

CLEAN = """# 고용사유서
| 직위 | 웹 개발자 |
| 직종코드 | E-7-1 2224 웹 개발자 |
| 연봉 | 금 48,000,000원 |
## 담당업무
- React와 TypeScript로 쇼핑몰 프론트엔드 화면 개발 (60%)
- Node.js 기반 주문 REST API 개발 및 유지보수 (40%)
## 외국인 채용 사유
베트남 시장 진출을 위해 베트남어와 웹 개발 역량을 갖춘 인력이 필요함.
## 학력 및 경력
하노이 공과대학교 컴퓨터공학 학사, 웹 개발 경력 4년으로 직종코드 2224의 직무와 일치함.
"""

BAD = """# Statement of Employment Reasons
Position: Consultant
## Responsibilities
- Other duties as assigned
"""


@pytest.fixture(scope="module")
def samples_json() -> tuple[int, dict]:
    return run_json("check", "samples")


def test_samples_json_validates_against_spec_schema(samples_json) -> None:
    code, data = samples_json
    jsonschema.validate(data, SCHEMA)
    assert code == 1  # the samples hold error-level findings
    assert data["summary"]["cases"] >= 12
    paths = [c["path"] for c in data["cases"]]
    assert paths == sorted(paths)
    errors = sum(f["severity"] == "error" for c in data["cases"] for f in c["findings"])
    assert data["summary"]["errors"] == errors


def test_samples_broken_upload_is_dl001_and_the_rest_is_checked(samples_json) -> None:
    _, data = samples_json
    case = next(c for c in data["cases"] if c["path"].endswith("08-broken-upload"))
    unreadable = sorted(Path(f["path"]).name for f in case["findings"] if f["rule"] == "DL001")
    assert unreadable == ["경력증명서.pdf", "근로계약서.docx"]
    readable = [d for d in case["documents"] if d["type"] == "employment_reason_statement"]
    assert readable and readable[0]["duties"]


def test_samples_korean_facts(samples_json) -> None:
    _, data = samples_json
    case = next(c for c in data["cases"] if c["path"].endswith("01-kim-web-developer"))
    docs = {Path(d["path"]).name: d for d in case["documents"]}
    contract = docs["근로계약서.docx"]
    assert contract["type"] == "employment_contract" and contract["language"] == "ko"
    assert contract["title"] == "웹 개발자" and contract["codes"] == ["2224"]
    assert contract["annual_salary_krw"] == 48_000_000
    assert [d["share"] for d in contract["duties"]] == [0.5, 0.3, 0.1, 0.1]
    assert docs["고용사유서.pdf"]["type"] == "employment_reason_statement"
    assert docs["경력증명서.pdf"]["type"] == "previous_employer_letter"
    assert case["chosen_code"] == "2224"


def test_exit_status_follows_fail_on(tmp_path: Path, make_doc) -> None:
    clean = make_doc(CLEAN, "고용사유서.docx", tmp_path / "clean")
    bad = make_doc(BAD, "statement.docx", tmp_path / "bad")
    assert run_doclint("check", str(clean), "--select", "DL1,DL2,DL3").returncode == 0
    proc = run_doclint("check", str(bad))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    # only warnings (DL101, DL103) when errors are ignored: fail-on error passes, warning fails
    only_warnings = ["--select", "DL101,DL103"]
    assert run_doclint("check", str(bad), *only_warnings).returncode == 0
    assert run_doclint("check", str(bad), *only_warnings, "--fail-on", "warning").returncode == 1
    assert run_doclint("check", str(bad), "--exit-zero").returncode == 0
    assert run_doclint("check", str(bad), "--fail-on", "never").returncode == 0


def test_text_output_format(tmp_path: Path, make_doc) -> None:
    bad = make_doc(BAD, "statement.docx", tmp_path)
    proc = run_doclint("check", str(bad), "--select", "generic-title,vague-duties")
    lines = proc.stdout.splitlines()
    assert f"{bad}:2:1: DL101 [warning]" in lines[0]
    assert any(line.strip().startswith("fix:") for line in lines)
    assert "\033[" not in proc.stdout  # no colour when not a terminal
    assert lines[-1].startswith("1 case, 1 document: 0 errors, 2 warnings")


def test_select_and_ignore_accept_codes_and_names(tmp_path: Path, make_doc) -> None:
    bad = make_doc(BAD, "statement.docx", tmp_path)
    _, data = run_json("check", str(bad), "--ignore", "generic-title,DL103")
    rules = {f["rule"] for c in data["cases"] for f in c["findings"]}
    assert "DL101" not in rules and "DL103" not in rules
    _, data = run_json("check", str(bad), "--select", "DL101")
    assert {f["rule"] for c in data["cases"] for f in c["findings"]} == {"DL101"}


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = run_doclint("check", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.xyz").write_text("x")
    proc = run_doclint("check", str(empty))
    assert proc.returncode == 2 and "no supported documents" in proc.stderr
    unknown = run_doclint("check", "samples", "--select", "DL999")
    assert unknown.returncode == 2 and "unknown rule" in unknown.stderr
    for done in (missing, proc, unknown):
        assert "Traceback" not in done.stderr


def test_rules_and_explain() -> None:
    listing = run_doclint("rules")
    assert listing.returncode == 0
    assert any(line.startswith("DL101  generic-title") for line in listing.stdout.splitlines())
    by_name = run_doclint("explain", "code-drift")
    assert by_name.returncode == 0 and "DL401" in by_name.stdout and "What to do" in by_name.stdout
    assert run_doclint("explain", "DL999").returncode == 2


def test_version() -> None:
    proc = run_doclint("--version")
    assert proc.returncode == 0 and "doclint" in proc.stdout


def test_readme_and_ci_run_the_same_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_cmd = next(line for line in ci.splitlines() if "pytest" in line).strip()
    assert test_cmd in readme
    assert "doclint check samples/" in readme


def test_samples_are_untouched_by_a_run(tmp_path: Path) -> None:
    import hashlib

    def digest() -> dict[str, str]:
        return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((ROOT / "samples").rglob("*")) if p.is_file()}

    before = digest()
    run_doclint("check", "samples", "--format", "json")
    assert digest() == before
