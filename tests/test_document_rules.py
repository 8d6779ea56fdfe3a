"""The document rules (DL101–DL105, DL201–DL203, DL301), each shown firing and not firing, in
Korean and in English, on real rendered files: once through the real CLI over a set of documents,
and one rule at a time through the engine on small variations of a clean document."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import rules_fired, run_json

KO_GOOD_STATEMENT = """
# 고용사유서
| 회사명 | 주식회사 한빛커머스 |
| 직위 | 웹 개발자 |
| 직종코드 | E-7-1 / 2224 웹 개발자 |
## 담당업무
- React로 쇼핑몰 프론트엔드 화면 개발 (60%)
- 주문 REST API 개발 및 유지보수 (40%)
## 채용 사유
베트남어 웹서비스를 구현할 개발자가 필요하나 베트남어가 가능한 내국인 지원자를 찾지 못하였습니다.
## 자격 및 경력
컴퓨터공학 학사 학위를 취득하였고 4년간 웹 개발자로 근무하였습니다.
대표이사 박정훈 (인)
"""

KO_BAD_STATEMENT = """
# 고용사유서
| 회사명 | 주식회사 한빛커머스 |
| 직위 | 매니저 |
## 담당업무
- 홈페이지 게시물 업로드 및 수정
- 회사가 지시하는 업무
## 우대사항
- 웹 개발 경험자 우대
대표이사 박정훈 (인)
"""

EN_GOOD_STATEMENT = """
# Statement of Employment Reasons
| Company | Daehan Precision Tools Co., Ltd. |
| Position | Overseas Sales Specialist |
| Occupation code | E-7-1 2742 |
## Duties
- Negotiate export prices and payment terms with overseas buyers (60%)
- Prepare quotations and export sales contracts (40%)
## Reason for hiring
We need a native Tamil and Hindi speaker with knowledge of the Indian market; no Korean candidate applied.
## Qualifications
Ms. Raman holds a bachelor's degree in mechanical engineering and has 7 years of export sales experience.
CEO Park Minho (seal)
"""

EN_BAD_STATEMENT = """
# Statement of Employment Reasons
| Position | Manager |
## Duties
- Answer customer e-mails and update the product catalogue
- Other duties as assigned
## Preferred qualifications
- The ideal candidate has a passion for sales
"""

KO_CONTRACT_NO_DUTIES = """
# 근로계약서
| 근로계약기간 | 2026. 5. 1. ~ 2028. 4. 30. |
| 직위 | 연구원 |
| 연봉 | 금 50,000,000원 |
대표이사 한동민 (인)
"""

EN_CONTRACT_MANAGER = """
# Employment Contract
| Position | Engineering Manager |
## Duties
- Manage a team of six backend engineers and run their performance reviews
- Plan the platform roadmap and the team's annual budget
"""

KO_LETTER_NO_DUTIES = """
# 경력증명서
| 성명 | 응우옌 반 안 |
| 직위 | 웹 개발자 |
| 재직기간 | 2021.07.01 ~ 2025.12.31 |
위 사람은 당사에 재직하였음을 증명합니다.
대표이사 김하늘 (인)
"""

KO_LETTER_DUTIES = """
# 경력증명서
| 성명 | 응우옌 반 안 |
| 직위 | 웹 개발자 |
## 담당업무
- 쇼핑몰 프론트엔드 개발
- 결제 API 유지보수
대표이사 김하늘 (인)
"""

EN_LETTER_NO_DUTIES = """
# Certificate of Employment
This is to certify that Kenji Sato was employed by Kawaguchi Motor Co., Ltd. as an Engineer from April 2017 to November 2025.
General Affairs Department
"""

EN_LETTER_PROSE = """
# Experience Certificate
This is to certify that Ms. Priya Raman worked with us as Export Sales Executive from 4 June 2018 to 28 February 2026.
During her employment she handled distributor sales in Sri Lanka and the UAE, negotiated annual supply contracts with key accounts, and coordinated shipments with the logistics team.
Yours faithfully,
S. Narayanan, Head – Human Resources
Phone: +91 80 2839 4411
"""

DOCS = {
    "ko_good_statement.docx": KO_GOOD_STATEMENT,
    "ko_bad_statement.pdf": KO_BAD_STATEMENT,
    "en_good_statement.docx": EN_GOOD_STATEMENT,
    "en_bad_statement.txt": EN_BAD_STATEMENT,
    "ko_contract_no_duties.docx": KO_CONTRACT_NO_DUTIES,
    "en_contract_manager.docx": EN_CONTRACT_MANAGER,
    "ko_letter_no_duties.pdf": KO_LETTER_NO_DUTIES,
    "ko_letter_duties.docx": KO_LETTER_DUTIES,
    "en_letter_no_duties.docx": EN_LETTER_NO_DUTIES,
    "en_letter_prose.pdf": EN_LETTER_PROSE,
}


@pytest.fixture(scope="module")
def fired(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """Rule codes found per file name: one CLI run over every document (each file is its own case)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "samples"))
    from render import render

    folder = tmp_path_factory.mktemp("rules")
    paths = [str(render(source, folder / name)) for name, source in DOCS.items()]
    _, data = run_json("check", *paths, "--no-progress")
    out: dict[str, set[str]] = {Path(p).name: set() for p in paths}
    for case in data["cases"]:
        for f in case["findings"]:
            out[Path(f["path"]).name].add(f["rule"])
    return out


@pytest.mark.parametrize(
    ("rule", "fires_on", "quiet_on"),
    [
        ("DL101", ["ko_bad_statement.pdf", "en_bad_statement.txt"], ["ko_good_statement.docx", "en_good_statement.docx"]),
        ("DL102", ["ko_contract_no_duties.docx"], ["ko_good_statement.docx", "en_good_statement.docx", "en_contract_manager.docx"]),
        ("DL103", ["ko_bad_statement.pdf", "en_bad_statement.txt"], ["ko_good_statement.docx", "en_good_statement.docx"]),
        ("DL104", ["ko_bad_statement.pdf", "en_bad_statement.txt"], ["ko_good_statement.docx", "en_good_statement.docx"]),
        ("DL105", ["ko_bad_statement.pdf", "en_bad_statement.txt"], ["en_contract_manager.docx", "en_good_statement.docx"]),
        ("DL201", ["ko_bad_statement.pdf", "en_bad_statement.txt"], ["ko_good_statement.docx", "en_good_statement.docx"]),
        ("DL202", ["ko_bad_statement.pdf", "en_bad_statement.txt"], ["ko_good_statement.docx", "en_good_statement.docx"]),
        ("DL203", ["ko_bad_statement.pdf", "en_bad_statement.txt"], ["ko_good_statement.docx", "en_good_statement.docx"]),
        ("DL301", ["ko_letter_no_duties.pdf", "en_letter_no_duties.docx"], ["ko_letter_duties.docx", "en_letter_prose.pdf"]),
    ],
)
def test_rule_fires_and_stays_quiet(fired: dict[str, set[str]], rule: str, fires_on: list[str], quiet_on: list[str]) -> None:
    for name in fires_on:
        assert rule in fired[name], f"{rule} should fire on {name}: {sorted(fired[name])}"
    for name in quiet_on:
        assert rule not in fired[name], f"{rule} should not fire on {name}: {sorted(fired[name])}"


# --- one rule at a time, on variations of a clean document ---------------------------------------

KO_STATEMENT = """# 고용사유서
| 직위 | {title} |
| 직종코드 | {code} |
## 담당업무
{duties}
## 채용 사유
베트남 시장 진출을 위해 베트남어가 가능한 전문 인력이 필요함.
"""

EN_CONTRACT = """# Employment Contract
Between Acme Korea Ltd. (the Employer) and Jane Doe (the Employee)
Position: {title}
Occupation code: {code}
## Duties
{duties}
## Salary
KRW 48,000,000 per year
"""

GOOD_KO = "- React 기반 쇼핑몰 프론트엔드 개발\n- Spring Boot REST API 개발 및 유지보수"
GOOD_EN = "- Develop REST APIs in Java Spring for the order system\n- Build React front-end pages for the online store"


def ko(make_doc, name="고용사유서.docx", title="웹 개발자", code="2224", duties=GOOD_KO):
    return make_doc(KO_STATEMENT.format(title=title, code=code, duties=duties), name)


def en(make_doc, name="contract.docx", title="Web Developer", code="2224", duties=GOOD_EN):
    return make_doc(EN_CONTRACT.format(title=title, code=code, duties=duties), name)


def test_clean_documents_fire_none_of_the_first_rules(make_doc) -> None:
    first = {"DL101", "DL102", "DL103", "DL104", "DL201", "DL301"}
    assert not first & set(rules_fired(ko(make_doc)))
    assert not first & set(rules_fired(en(make_doc)))


def test_dl101_generic_title(make_doc) -> None:
    assert "DL101" in rules_fired(ko(make_doc, title="사무원"))
    assert "DL101" in rules_fired(en(make_doc, title="Consultant"))
    assert "DL101" in rules_fired(en(make_doc, title="Manager"))
    assert "DL101" not in rules_fired(en(make_doc, title="Marketing Manager"))
    assert "DL101" not in rules_fired(ko(make_doc, title="해외영업 매니저"))


def test_dl102_missing_duties(make_doc) -> None:
    no_duties_ko = make_doc("# 근로계약서\n| 직위 | 웹 개발자 |\n| 연봉 | 금 42,000,000원 |\n근로시간: 09:00~18:00", "근로계약서.docx")
    no_duties_en = make_doc("# Employment Contract\nPosition: Web Developer\nSalary: KRW 40,000,000 per year", "contract.pdf")
    assert "DL102" in rules_fired(no_duties_ko)
    assert "DL102" in rules_fired(no_duties_en)
    assert "DL102" not in rules_fired(ko(make_doc))
    assert "DL102" not in rules_fired(en(make_doc))


def test_dl103_vague_duties(make_doc) -> None:
    fired = rules_fired(ko(make_doc, duties=GOOD_KO + "\n- 기타 회사가 지시하는 업무"))
    assert fired.count("DL103") == 1
    fired = rules_fired(en(make_doc, duties=GOOD_EN + "\n- Other duties as assigned\n- Support the team"))
    assert fired.count("DL103") == 2
    assert "DL103" not in rules_fired(en(make_doc))


def test_dl104_job_posting_language(make_doc) -> None:
    posting_en = EN_CONTRACT.format(title="Web Developer", code="2224", duties=GOOD_EN) + "\nThe ideal candidate is passionate about clean code."
    assert "DL104" in rules_fired(make_doc(posting_en, "contract.docx"))
    posting_ko = KO_STATEMENT.format(title="웹 개발자", code="2224", duties=GOOD_KO) + "\n## 우대사항\n- AWS 경험자"
    assert "DL104" in rules_fired(make_doc(posting_ko, "고용사유서.docx"))
    assert "DL104" not in rules_fired(ko(make_doc))


def test_dl201_no_code_reference(make_doc) -> None:
    no_code = KO_STATEMENT.replace("| 직종코드 | {code} |\n", "").format(title="웹 개발자", duties=GOOD_KO)
    assert "DL201" in rules_fired(make_doc(no_code, "고용사유서.pdf"))
    en_statement = "# Statement of Employment Reasons\nPosition: Web Developer\n## Duties\n" + GOOD_EN
    assert "DL201" in rules_fired(make_doc(en_statement, "statement.docx"))
    assert "DL201" not in rules_fired(make_doc(en_statement + "\nOccupation code: 2224", "statement2.docx"))
    assert "DL201" not in rules_fired(ko(make_doc))


def test_dl301_letter_missing_duties(make_doc) -> None:
    bare_en = make_doc("# Certificate of Employment\nThis is to certify that John Kim was employed by Acme Inc. as Engineer from 2019 to 2024.\nSincerely, HR", "letter.pdf")
    bare_ko = make_doc("# 경력증명서\n| 성명 | 홍길동 |\n| 직위 | 연구원 |\n| 근무기간 | 2019.01.01 ~ 2024.12.31 |\n위 사람은 당사에 근무하였음을 증명합니다.", "경력증명서.docx")
    assert "DL301" in rules_fired(bare_en)
    assert "DL301" in rules_fired(bare_ko)
    with_duties = make_doc("# 경력증명서\n| 성명 | 홍길동 |\n| 근무기간 | 2019.01.01 ~ 2024.12.31 |\n## 담당업무\n- 반도체 공정 장비 유지보수\n- 공정 데이터 분석", "경력증명서2.docx")
    assert "DL301" not in rules_fired(with_duties)
