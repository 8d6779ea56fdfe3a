"""Case-level rules DL407, DL501, DL502, DL503, DL505 through the real CLI on real rendered files:
each firing and staying quiet, Korean and English, and never on a file checked on its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import run_json
from render import render

CASE_RULES = "DL407,DL501,DL502,DL503,DL505"

KO_CONTRACT = """# 근로계약서
주식회사 한빛커머스(이하 "사용자")와 홍길동(이하 "근로자")은 다음과 같이 근로계약을 체결한다.
| 직위 | {title} |
| 직종 | {code} |
## 담당업무
1. React와 TypeScript로 온라인 쇼핑몰 프론트엔드 화면 개발 (50%)
2. Node.js 기반 주문·결제 REST API 개발 및 유지보수 (50%)
## 임금
- {pay}
"""

KO_STATEMENT = """# 고용사유서
| 채용 직위 | {title} |
| 직종코드 | {code} |
| 연봉 | {pay} |
## 담당업무
- React와 TypeScript로 온라인 쇼핑몰 프론트엔드 화면 개발 (50%)
- Node.js 기반 주문·결제 REST API 개발 및 유지보수 (50%)
"""

EN_CONTRACT = """# Employment Contract
Between Acme Korea Ltd. (the Employer) and Jane Doe (the Employee)
Position: {title}
Occupation code: {code}
## Duties
- Develop REST APIs in Java Spring for the order system
- Build React front-end pages for the online store
## Salary
{pay}
"""

EN_STATEMENT = """# Statement of Employment Reasons
Position: {title}
Occupation code: {code}
Annual salary: {pay}
## Duties
- Develop REST APIs in Java Spring for the order system
- Build React front-end pages for the online store
"""

# case folder → (contract fields or None, statement fields or None); fields: title, code, pay
KO_CASES: dict[str, tuple[dict[str, str] | None, dict[str, str] | None]] = {
    # rank words, spacing and an added English title are the same title; monthly ×12 = annual
    "consistent": ({"title": "웹 개발자 (대리)", "code": "E-7-1 (2224 웹 개발자)", "pay": "월급: 4,000,000원"},
                   {"title": "웹개발자 / Web Developer", "code": "E-7-1 / 2224", "pay": "48,000,000원"}),
    # 271 is another copy's number for 2715 경영 및 진단 전문가
    "alias": ({"title": "경영 컨설턴트", "code": "E-7-1 (271)", "pay": "연봉: 금 60,000,000원"},
              {"title": "경영 컨설턴트", "code": "E-7-1 / 2715", "pay": "6,000만원"}),
    "conflict": ({"title": "웹 개발자", "code": "E-7-1 (2224)", "pay": "연봉: 금 48,000,000원"},
                 {"title": "마케팅 매니저", "code": "E-7-1 / 2733", "pay": "42,000,000원"}),
    # a monthly wage rounded to 10,000 won is the same pay as the annual figure
    "rounded": ({"title": "웹 개발자", "code": "E-7-1 (2224)", "pay": "월급: 3,330,000원"},
                {"title": "웹 개발자", "code": "E-7-1 / 2224", "pay": "40,000,000원"}),
    "monthly-differs": ({"title": "웹 개발자", "code": "E-7-1 (2224)", "pay": "월급: 3,500,000원"},
                        {"title": "웹 개발자", "code": "E-7-1 / 2224", "pay": "48,000,000원"}),
    "contract-only": ({"title": "웹 개발자", "code": "E-7-1 (2224)", "pay": "연봉: 금 48,000,000원"}, None),
    "no-code": ({"title": "웹 개발자", "code": "미정", "pay": "연봉: 금 48,000,000원"},
                {"title": "웹 개발자", "code": "추후 기재", "pay": "48,000,000원"}),
}

EN_CASES: dict[str, tuple[dict[str, str] | None, dict[str, str] | None]] = {
    "consistent": ({"title": "Senior Web Developer", "code": "2224", "pay": "KRW 4,000,000 per month"},
                   {"title": "Web Developer", "code": "2224", "pay": "KRW 48,000,000 per year"}),
    "conflict": ({"title": "Web Developer", "code": "2224", "pay": "KRW 48,000,000 per year"},
                 {"title": "Marketing Manager", "code": "2733", "pay": "KRW 42,000,000 per year"}),
    "statement-only": (None, {"title": "Web Developer", "code": "2224", "pay": "KRW 48,000,000 per year"}),
    "no-code": ({"title": "Web Developer", "code": "to be decided", "pay": "KRW 48,000,000 per year"},
                {"title": "Web Developer", "code": "to be confirmed", "pay": "KRW 48,000,000 per year"}),
}


def build_cases(root: Path, cases: dict[str, tuple[dict[str, str] | None, dict[str, str] | None]], lang: str) -> None:
    contract, statement = (KO_CONTRACT, KO_STATEMENT) if lang == "ko" else (EN_CONTRACT, EN_STATEMENT)
    names = ("근로계약서.docx", "고용사유서.pdf") if lang == "ko" else ("contract.pdf", "statement.docx")
    for case, (c, s) in cases.items():
        if c:
            render(contract.format(**c), root / case / names[0])
        if s:
            render(statement.format(**s), root / case / names[1])


def _by_case(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {Path(c["path"]).name: c["findings"] for c in data["cases"]}


def _rules(findings: list[dict[str, Any]]) -> set[str]:
    return {f["rule"] for f in findings}


@pytest.fixture(scope="module")
def ko_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[dict[str, Any]]]]:
    root = tmp_path_factory.mktemp("ko")
    build_cases(root, KO_CASES, "ko")
    # a truncated upload whose name says it is the contract, next to a readable 고용사유서
    render(KO_STATEMENT.format(**KO_CASES["consistent"][1]), root / "broken-contract" / "고용사유서.pdf")
    (root / "broken-contract" / "근로계약서.docx").write_bytes(b"PK\x03\x04 truncated upload")
    _, data = run_json("check", str(root), "--select", f"{CASE_RULES},DL001", "--lang", "ko", "--jobs", "1")
    return root, _by_case(data)


@pytest.fixture(scope="module")
def en_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[dict[str, Any]]]]:
    root = tmp_path_factory.mktemp("en")
    build_cases(root, EN_CASES, "en")
    _, data = run_json("check", str(root), "--select", CASE_RULES, "--jobs", "1")
    return root, _by_case(data)


def test_consistent_cases_are_quiet(ko_run, en_run) -> None:
    assert ko_run[1]["consistent"] == [] and ko_run[1]["rounded"] == []
    assert en_run[1]["consistent"] == []


def test_dl501_inconsistent_code(ko_run, en_run) -> None:
    for findings in (ko_run[1]["conflict"], en_run[1]["conflict"]):
        (f,) = [f for f in findings if f["rule"] == "DL501"]
        assert "2224" in f["message"] and "2733" in f["message"]
        assert "2224" in f["evidence"] and f["severity"] == "error"
    assert "서로 다른 직종코드" in next(f for f in ko_run[1]["conflict"] if f["rule"] == "DL501")["message"]
    assert "DL501" not in _rules(ko_run[1]["alias"])  # an alias is its official code


def test_dl502_inconsistent_title(ko_run, en_run) -> None:
    (ko,) = [f for f in ko_run[1]["conflict"] if f["rule"] == "DL502"]
    assert ko["message"] == '근로계약서의 직위는 "웹 개발자"이고 고용사유서의 직위는 "마케팅 매니저"입니다.'
    assert ko["path"].endswith("고용사유서.pdf")
    (en,) = [f for f in en_run[1]["conflict"] if f["rule"] == "DL502"]
    assert en["message"] == 'The contract says "Web Developer" but the 고용사유서 says "Marketing Manager".'
    assert en["severity"] == "warning"


def test_dl503_inconsistent_salary_names_both_amounts_and_sources(ko_run, en_run) -> None:
    (ko,) = [f for f in ko_run[1]["monthly-differs"] if f["rule"] == "DL503"]
    assert "근로계약서.docx에 연 42,000,000원" in ko["message"] and "월급 ×12" in ko["message"]
    assert "고용사유서.pdf에 연 48,000,000원" in ko["message"]
    (en,) = [f for f in en_run[1]["conflict"] if f["rule"] == "DL503"]
    assert "48,000,000 KRW a year in contract.pdf" in en["message"]
    assert "42,000,000 KRW a year in statement.docx" in en["message"]
    assert en["path"].endswith("statement.docx") and en["line"] is not None


def test_dl505_missing_document(ko_run, en_run) -> None:
    (ko,) = [f for f in ko_run[1]["contract-only"] if f["rule"] == "DL505"]
    assert "고용사유서" in ko["message"] and Path(ko["path"]).name == "contract-only"
    (en,) = [f for f in en_run[1]["statement-only"] if f["rule"] == "DL505"]
    assert en["message"] == "This case has no employment contract."
    assert "DL505" not in _rules(en_run[1]["conflict"])


def test_dl407_no_chosen_code(ko_run, en_run) -> None:
    assert _rules(ko_run[1]["no-code"]) == {"DL407"}
    assert _rules(en_run[1]["no-code"]) == {"DL407"}
    assert "직종코드를 찾지 못했습니다" in ko_run[1]["no-code"][0]["message"]
    assert "DL407" not in _rules(en_run[1]["conflict"])


def test_single_files_get_no_case_level_findings(ko_run, en_run) -> None:
    """A file given on its own is a case of one document: no missing-document or no-code noise."""
    files = [en_run[0] / "statement-only" / "statement.docx", en_run[0] / "no-code" / "contract.pdf",
             ko_run[0] / "contract-only" / "근로계약서.docx", ko_run[0] / "no-code" / "고용사유서.pdf"]
    _, data = run_json("check", *map(str, files), "--select", CASE_RULES)
    assert len(data["cases"]) == 4
    assert [f for c in data["cases"] for f in c["findings"]] == []


def test_unreadable_document_named_as_contract_is_not_reported_missing(ko_run) -> None:
    assert _rules(ko_run[1]["broken-contract"]) == {"DL001"}  # DL001 says it, not DL505 or DL407
