"""The NLP pipeline: the Kiwi tokenizer inside spaCy, the lexicon matcher, run-on duty prose in
Korean and English, section awareness, codes, titles with ranks, and the labelled facts —
each on real files rendered by samples/render.py and read by the real readers."""

from __future__ import annotations

from conftest import understand_file
from doclint.model import DocType
from doclint.nlp.clauses import split_clauses
from doclint.nlp.phrasebook import SPANS_KEY
from doclint.nlp.pipeline import analyse


def test_kiwi_tokenizer_splits_particles_and_round_trips() -> None:
    for text in ("개발자가 왔다", "개발자를 뽑는다", "개발자로서  일한다\n다음 줄"):
        doc = analyse(text, "ko")
        assert doc.text == text
        assert "개발자" in [t.text for t in doc]


def test_lexicon_matches_through_particles() -> None:
    doc = analyse("팀원 5명을 관리하고 예산을 편성함", "ko")
    assert {s.label_ for s in doc.spans[SPANS_KEY]} == {"management"}
    assert not analyse("고객사 서버를 관리하는 프로그램을 개발", "ko").spans[SPANS_KEY]


def test_korean_run_on_prose_splits_into_duties() -> None:
    assert split_clauses("웹 서비스를 개발하고, 서버를 유지보수하며, 고객 문의를 지원함.") == [
        "웹 서비스를 개발", "서버를 유지보수", "고객 문의를 지원",
    ]
    # 고 inside a noun (고객, 고급) is not a clause ending
    assert split_clauses("고급 고객 관리 시스템 개발") == ["고급 고객 관리 시스템 개발"]


def test_english_run_on_prose_splits_into_duties() -> None:
    assert split_clauses("She designed the database schema, maintained the CI pipeline, and trained new hires.") == [
        "She designed the database schema", "maintained the CI pipeline", "trained new hires",
    ]
    assert split_clauses("Plan, shoot and edit short-form videos") == ["Plan, shoot and edit short-form videos"]


def test_english_prose_duties_beyond_the_verb_list() -> None:
    # sentences from the development part of the blind corpus: verbs the duty-verb list lacks
    # (carry out, participate, dealt) and a time phrase before the verb still start a duty
    assert split_clauses(
        "The Employee shall prepare process flow diagrams for refinery projects, develop P&IDs and equipment "
        "process data sheets, carry out hydraulic calculations and relief valve sizing, and participate in "
        "HAZOP reviews with licensors and clients."
    )[1:] == ["develop P&IDs and equipment process data sheets", "carry out hydraulic calculations and relief valve sizing",
              "participate in HAZOP reviews with licensors and clients"]
    assert split_clauses(
        "Mr. Brenner led diagnostic projects at automotive suppliers in Germany, developed improvement programmes "
        "together with client management, and since 2022 built up our service line for supplier assessments."
    )[1:] == ["developed improvement programmes together with client management",
              "built up our service line for supplier assessments"]
    # auxiliaries and nouns that can be verbs do not start one
    assert split_clauses("Lumiel Cosmetic was founded in 2016 and sells skincare products in 14 countries.") == [
        "Lumiel Cosmetic was founded in 2016 and sells skincare products in 14 countries"]
    assert split_clauses("He built dashboards for sales, marketing and finance teams") == [
        "He built dashboards for sales, marketing and finance teams"]


def test_contract_sentences_about_the_duties_are_not_duties(tmp_path) -> None:
    from doclint.nlp.duties import split_prose

    text = ("# Employment Agreement\nPosition: Process Engineer\n\nArticle 2 Duties\n"
            "1 The Employee shall perform the following duties:\n"
            "- Prepare process flow diagrams and heat and material balances\n"
            "- Carry out hydraulic calculations and relief valve sizing\n"
            "2 The Employee shall perform his duties diligently and shall comply with all lawful instructions of the Employer.\n"
            "3 The Employee may be assigned to project sites overseas in connection with these duties.\n")
    path = tmp_path / "agreement.txt"
    path.write_text(text, encoding="utf-8")
    duties = [d.text for d in understand_file(path).duties]
    assert duties == ["Prepare process flow diagrams and heat and material balances",
                      "Carry out hydraulic calculations and relief valve sizing"]
    # "입출고 대장": 고 in a noun is no clause ending, and the comma list still splits
    assert split_prose("생산관리 사무(작업일보 전산 입력, 생산실적 집계), 외국인 근로자 통역 및 고충 상담, 자재 입출고 대장 관리") == [
        "생산관리 사무(작업일보 전산 입력, 생산실적 집계)", "외국인 근로자 통역 및 고충 상담", "자재 입출고 대장 관리"]


KO_PROSE_STATEMENT = """
# 고용사유서
1. 회사 개요: (주)핀테크원, 모바일 간편결제 서비스 운영
2. 채용 직위: 모바일 앱 개발자 (과장)
3. 직종코드: E-7-1(2223 응용 소프트웨어 개발자)
4. 연봉: 금 60,000,000원
5. 담당업무: 간편결제 안드로이드 앱을 Kotlin으로 개발하고(50%), iOS 앱의 결제 모듈을 Swift로 유지보수하며, 앱 배포 자동화 파이프라인을 구축하고, 결제 오류 로그를 분석하여 장애 원인을 개선함.
6. 채용 사유: 현지 결제 규격을 아는 인력이 국내에 부족하여 외국인 전문 인력을 채용하고자 합니다.
2026년 5월 2일
(주)핀테크원 대표이사 임재현 (인)
"""

EN_BULLET_STATEMENT = """
# Statement of Employment Reasons
| Company | Lumen Labs Inc. |
| Position | Mobile App Developer |
| Occupation code | E-7-1 2223 |
## Duties
- Develop the Android payment app in Kotlin (50%)
- Maintain the iOS payment module in Swift
- Build the app release automation pipeline
- Analyse payment error logs and fix root causes
CEO Jane Park (signature)
"""


def test_korean_prose_statement_is_understood_like_an_english_bullet_list(make_doc) -> None:
    for fmt in ("txt", "pdf", "docx"):
        ko = understand_file(make_doc(KO_PROSE_STATEMENT, f"고용사유서.{fmt}"))
        assert ko.doc_type is DocType.REASON_STATEMENT
        assert [d.text for d in ko.duties] == [
            "간편결제 안드로이드 앱을 Kotlin으로 개발", "iOS 앱의 결제 모듈을 Swift로 유지보수",
            "앱 배포 자동화 파이프라인을 구축", "결제 오류 로그를 분석하여 장애 원인을 개선",
        ], fmt
        assert ko.duties[0].share == 0.5
        assert (ko.title.value, ko.title.rank) == ("모바일 앱 개발자", "과장")
        assert [c.code for c in ko.codes] == ["2223"] and ko.subcategory.text == "E-7-1"
        assert ko.employer.text == "(주)핀테크원" and ko.foreign_reason is not None
    en = understand_file(make_doc(EN_BULLET_STATEMENT, "statement.docx"))
    assert len(en.duties) == 4 and en.duties[0].share == 0.5
    assert en.title.value == "Mobile App Developer" and [c.code for c in en.codes] == ["2223"]


def test_posting_lists_signatures_headers_are_not_duties(make_doc) -> None:
    source = """
@header 주식회사 한빛커머스 — 대외비
@footer 1 / 1
# 고용사유서
## 담당업무
- 쇼핑몰 프론트엔드 화면 개발
- 주문 API 유지보수
## 우대사항
- React 경험자 우대
- 영어 가능자
2026년 2월 20일
사용자: 주식회사 한빛커머스 대표이사 박정훈 (인)
"""
    facts = understand_file(make_doc(source, "고용사유서.docx"))
    assert [d.text for d in facts.duties] == ["쇼핑몰 프론트엔드 화면 개발", "주문 API 유지보수"]
    en = """
# Employment Contract
## Responsibilities
- Design database schemas for the order service
- Write integration tests
## Preferred qualifications
- 3+ years of Go experience
Employer: Acme Korea Ltd. (signature)  Employee: Jane Doe (signature)
"""
    facts = understand_file(make_doc(en, "contract.pdf"))
    assert [d.text for d in facts.duties] == ["Design database schemas for the order service", "Write integration tests"]
    assert facts.has_signatory


def test_duties_from_a_table(make_doc) -> None:
    source = """
# 근로계약서
| 직위 | 해외영업 (대리) |
| 담당업무 | 베트남 바이어 발굴 및 수출 계약 협상 |
| 근무장소 | 서울 |
| 업무 | 비중 |
| 수출 견적서 작성 | 60% |
| 해외 전시회 참가 | 주 2일 |
"""
    facts = understand_file(make_doc(source, "근로계약서.docx"))
    assert facts.title.value == "해외영업" and facts.title.rank == "대리"
    texts = [d.text for d in facts.duties]
    assert "베트남 바이어 발굴 및 수출 계약 협상" in texts


def test_codes_in_every_written_form(make_doc) -> None:
    source = """
# 고용사유서
직종코드: 2224
신청 자격: E-7-1(2235 정보보안 전문가)
The occupation code 2733 was considered.
영상관련 디자이너(S2855)
설립 2019년, 직원 2224명
"""
    facts = understand_file(make_doc(source, "s.txt"))
    assert [c.code for c in facts.codes] == ["2224", "2235", "2733", "S2855"]
    assert facts.subcategory.text == "E-7-1"


def test_fields_employer_industry_applicant_period(make_doc) -> None:
    contract = """
# 근로계약서
주식회사 한빛커머스(이하 "사용자")와 응우옌 반 안(이하 "근로자")은 다음과 같이 근로계약을 체결한다.
| 근로계약기간 | 2026년 3월 2일부터 2028년 3월 1일까지 |
| 업태/종목 | 정보통신업 / 소프트웨어 개발 |
"""
    facts = understand_file(make_doc(contract, "근로계약서.docx"))
    assert facts.employer.text == "주식회사 한빛커머스"
    assert facts.applicant.text == "응우옌 반 안"
    assert facts.contract_period.text == "2026년 3월 2일부터 2028년 3월 1일까지"
    assert facts.industry.text == "정보통신업 / 소프트웨어 개발"
    letter = """
# Experience Certificate
This is to certify that Ms. Priya Raman worked with us as Export Sales Executive from 4 June 2018 to 28 February 2026.
During her employment she handled distributor sales in Sri Lanka, negotiated annual supply contracts with key accounts, and coordinated shipments with the logistics team.
Yours faithfully,
S. Narayanan, Head – Human Resources
Phone: +91 80 2839 4411
"""
    facts = understand_file(make_doc(letter, "letter.pdf"))
    assert facts.doc_type is DocType.LETTER
    assert facts.applicant.text == "Priya Raman" and facts.title.value == "Export Sales Executive"
    assert facts.employment_dates.text == "4 June 2018 to 28 February 2026"
    assert [d.text for d in facts.duties] == [
        "handled distributor sales in Sri Lanka", "negotiated annual supply contracts with key accounts",
        "coordinated shipments with the logistics team",
    ]
    assert facts.has_signatory and facts.has_contact
    bare = understand_file(make_doc("# Certificate of Employment\nKenji Sato worked here as Engineer from April 2017 to November 2025.\n", "c.docx"))
    assert not bare.has_contact and not bare.has_signatory


def test_vague_duties_are_found_through_korean_particles() -> None:
    from doclint.model import Duty
    from doclint.nlp.cues import mark_vague

    duties = [Duty(t) for t in ("회사에서 지시한 업무", "상사의 지시에 따른 업무 수행", "Other duties as assigned",
                                "회사 홈페이지 개발 업무", "고객 지시서 작성 자동화")]
    mark_vague(duties)
    assert [d.vague is not None for d in duties] == [True, True, True, False, False]


def test_running_headers_and_page_numbers_of_a_pdf_are_not_content(make_doc) -> None:
    source = """
@header 주식회사 한빛커머스 | 대외비
@footer 한빛커머스 인사팀
# 고용사유서
## 담당업무
웹 서비스를 개발하고, 서버를 유지보수함.
@pagebreak
## 채용 사유
베트남어가 가능한 개발자가 필요함.
"""
    facts = understand_file(make_doc(source, "s.pdf"))
    assert [d.text for d in facts.duties] == ["웹 서비스를 개발", "서버를 유지보수"]


def test_kiwi_starts_only_for_documents_that_need_it(make_doc) -> None:
    import subprocess
    import sys

    bullets = make_doc("# 근로계약서\n| 직위 | 웹 개발자 |\n## 담당업무\n- 쇼핑몰 화면 개발\n- 주문 API 유지보수\n", "c.docx")
    prose = make_doc("# 근로계약서\n## 담당업무\n쇼핑몰 화면을 개발하고, 주문 API를 유지보수함.\n", "p.docx")
    code = (
        "import sys; from pathlib import Path; from doclint.readers import read; from doclint.nlp import understand;"
        "from doclint.nlp.kiwi_tokenizer import LOAD_SECONDS;"
        "[understand(read(Path(p), p)) for p in sys.argv[1:]]; print('kiwi' in LOAD_SECONDS)"
    )
    def kiwi_loaded(*paths: object) -> str:
        out = subprocess.run([sys.executable, "-c", code, *map(str, paths)], capture_output=True, text=True, check=True)
        return out.stdout.strip()

    assert kiwi_loaded(bullets) == "False"
    assert kiwi_loaded(bullets, prose) == "True"


def test_short_label_lines_of_a_pdf_are_not_joined(make_doc) -> None:
    source = "# Employment Contract\nPosition: Senior Backend Engineer\nOccupation code: 2224\n## Duties\n- Build REST APIs in Go (60%)\n- Review code (40%)\n"
    facts = understand_file(make_doc(source, "c.pdf"))
    assert (facts.title.value, facts.title.rank) == ("Backend Engineer", "Senior")
    assert [c.code for c in facts.codes] == ["2224"]
    assert [(d.text, d.share) for d in facts.duties] == [("Build REST APIs in Go", 0.6), ("Review code", 0.4)]
