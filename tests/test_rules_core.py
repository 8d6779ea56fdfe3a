"""The first rules (DL101–DL104, DL201, DL301), each firing and not firing, Korean and English."""

from __future__ import annotations

from conftest import rules_fired

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
