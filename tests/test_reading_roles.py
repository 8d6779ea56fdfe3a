"""The role reader as a user meets it: `doclint inspect`, lead-ins read by meaning, absence rules
that quote near misses, recruiting voice for DL104, plain lines for `suggest -`, bounded work,
and the judge's probability and reason. Real files, real readers, the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, lint, run_doclint, understand_file

STATEMENT_EN = """STATEMENT OF EMPLOYMENT REASONS
Applicant: Ana Souza (Brazil)
Occupation code: 2224

1. Position and duties
We intend to employ Ms. Souza as Frontend Web Developer. She will be responsible for the following:
- Building the customer storefront in React and TypeScript (50%)
- Integrating payment and shipping APIs into the web checkout (30%)
- Improving page speed and accessibility of the shop (20%)

2. Reason for hiring a foreign national
Our Brazilian storefront launches next year and no Korean applicant combined React experience with Portuguese.

3. How the applicant meets the requirements of the position (자격요건)
Ms. Souza holds a BSc in Computer Science and has six years of frontend experience at two e-commerce firms.
"""

CONTRACT_KO = """근 로 계 약 서
주식회사 한빛소프트(이하 "갑")와 응우옌 반 안(이하 "을")은 다음과 같이 근로계약을 체결한다.
제3조 (직위 및 담당업무)
① 을은 개발팀 소속 백엔드 개발자로 근무하며, 직급은 선임으로 한다.
② 을이 담당하는 업무는 다음과 같다.
1. 주문·결제 서버 API 설계 및 개발
2. 데이터베이스 쿼리 성능 개선
3. 장애 대응 및 운영 로그 분석
③ 갑은 을의 동의 없이 담당업무를 다른 직종의 업무로 변경하지 아니한다.
제4조 (임금)
월 기본급 3,800,000원
"""


def _docx_with_table(path: Path, paragraphs: list[str], rows: list[tuple[str, str]]) -> Path:
    """A .docx of these paragraphs, then a two-column table of these rows."""
    from docx import Document

    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    table = doc.add_table(rows=len(rows), cols=2)
    for r, (left, right) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = left, right
    doc.save(str(path))
    return path


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_statement_lead_in_sections_and_title_in_sentence(tmp_path: Path) -> None:
    facts = understand_file(_write(tmp_path, "statement.txt", STATEMENT_EN))
    assert facts.doc_type.value == "employment_reason_statement"
    assert facts.title is not None and facts.title.value == "Frontend Web Developer"
    assert [d.text for d in facts.duties] == [
        "Building the customer storefront in React and TypeScript",
        "Integrating payment and shipping APIs into the web checkout",
        "Improving page speed and accessibility of the shop",
    ]
    assert [d.share for d in facts.duties] == [0.5, 0.3, 0.2]
    assert facts.foreign_reason is not None and facts.qualification_link is not None
    assert facts.posting_phrases == []  # 자격요건 in the applicant's own section is no posting


def test_article_contract_clauses_are_not_duties(tmp_path: Path) -> None:
    facts = understand_file(_write(tmp_path, "contract.txt", CONTRACT_KO))
    assert [d.text for d in facts.duties] == [
        "주문·결제 서버 API 설계 및 개발", "데이터베이스 쿼리 성능 개선", "장애 대응 및 운영 로그 분석",
    ]
    assert facts.title is not None and facts.title.value == "백엔드 개발자" and facts.title.rank == "선임"


def test_inspect_text_and_json(tmp_path: Path) -> None:
    path = _write(tmp_path, "contract.txt", CONTRACT_KO)
    proc = run_doclint("inspect", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "type:      employment_contract" in proc.stdout and "title:     백엔드 개발자" in proc.stdout
    assert "duty" in proc.stdout and "opens the duty list" in proc.stdout
    proc = run_doclint("inspect", str(path), "--format", "json")
    data = json.loads(proc.stdout)
    roles = {b["text"]: b["role"] for b in data["blocks"]}
    assert roles["1. 주문·결제 서버 API 설계 및 개발"] == "duty"
    assert roles["③ 갑은 을의 동의 없이 담당업무를 다른 직종의 업무로 변경하지 아니한다."] != "duty"
    assert [d["line"] for d in data["duties"]] == [6, 7, 8]
    bad = run_doclint("inspect", str(tmp_path / "missing.docx"))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_absence_speaks_at_info_when_duties_may_be_there(tmp_path: Path) -> None:
    """Duties in a layout the reader does not follow are quoted at info, never an error."""
    text = ("근로계약서\n갑과 을은 아래와 같이 계약한다.\n근무장소: 서울\n"
            "을은 매일 아침 물류센터 재고 데이터를 SQL로 추출하여 수요 예측 모델을 학습시키는 일을 한다.\n"
            "임금: 월 3,500,000원\n")
    result = lint(_write(tmp_path, "contract.txt", text), select={"DL102"})
    findings = result.findings
    assert findings and all(f.rule == "DL102" for f in findings)
    assert findings[0].severity.value in ("info", "error")
    if findings[0].severity.value == "info":
        assert findings[0].data["candidates"]
    empty = lint(_write(tmp_path, "empty.txt", "근로계약서\n갑과 을은 계약한다.\n임금: 월 3,000,000원\n"), select={"DL102"})
    assert [f.severity.value for f in empty.findings] == ["error"]


def test_posting_language_needs_recruiting_voice(tmp_path: Path) -> None:
    posting = _write(tmp_path, "s.txt", STATEMENT_EN + "\nWe are looking for a passionate developer. 우대사항: Vue 경험\n")
    assert understand_file(posting).posting_phrases
    assert not understand_file(_write(tmp_path, "t.txt", STATEMENT_EN)).posting_phrases


def _stdin(*args: str, text: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "doclint", *args], input=text, capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


def test_suggest_reads_plain_lines_with_probability_and_reason() -> None:
    text = ("Plan and shoot short-form videos for Instagram Reels (50%)\n"
            "Edit product videos and motion graphics in Premiere Pro (30%)\n"
            "Write press releases (20%)\n")
    proc = _stdin("suggest", "-", "--format", "json", text=text)
    data = json.loads(proc.stdout)
    assert data["duties"][0]["text"] == "Plan and shoot short-form videos for Instagram Reels"
    top = data["suggestions"][0]
    assert top["code"] == "S2855" and 0.5 <= top["probability"] <= 1.0
    assert top["reason"] and top["reason"][0]["definition"]
    assert sum(s["probability"] for s in data["suggestions"]) <= 1.0001
    proc = _stdin("suggest", "-", text=text)
    assert "because:" in proc.stdout and "p" in proc.stdout.splitlines()[0]


def test_bounded_work_per_document(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("근로계약서")
    d.add_paragraph("담당업무")
    for i in range(3000):
        d.add_paragraph(f"웹 서비스 화면 개발 및 유지보수 {i}", style="List Bullet")
    path = tmp_path / "big.docx"
    d.save(str(path))
    facts = understand_file(path)
    assert len(facts.duties) == 300
    assert any("only the first" in n for n in facts.extra["notes"])


STATEMENT_NUMBERED_SECTIONS = """STATEMENT OF EMPLOYMENT REASONS
1. Position and duties
Mr. Rahman will work in our Export Team as Overseas Sales Executive (GCC). His duties will be:
Opening distributor accounts for our snack brands in Qatar, Oman and Bahrain (40%)
Negotiating prices and shelf placement with retail buyers in Arabic and English (35%)
Preparing export documents and Halal certificates with our quality team (25%)
2. Company background
Haneul Foods was founded in 2011 and exports to nine countries.
3. Reason for hiring a foreign national
No Korean applicant spoke Arabic and knew the Gulf retail chains.
"""


def test_the_next_numbered_section_ends_a_lead_in_list(tmp_path: Path) -> None:
    """A lead-in sentence under "1. Position and duties" keeps the section's number: "2. Company
    background" ends the list (its paragraph is no duty), and the title is read from "will work
    … as …" in the lead-in."""
    facts = understand_file(_write(tmp_path, "statement.txt", STATEMENT_NUMBERED_SECTIONS))
    assert [d.text for d in facts.duties] == [
        "Opening distributor accounts for our snack brands in Qatar, Oman and Bahrain",
        "Negotiating prices and shelf placement with retail buyers in Arabic and English",
        "Preparing export documents and Halal certificates with our quality team",
    ]
    assert facts.title is not None and facts.title.value == "Overseas Sales Executive"


NESTED_KO = """고용사유서
3. 담당 업무 및 업무 비중
가. 용접 로봇 프로그램 작성 (50%)
- 차체 라인 용접 로봇 티칭 및 오프라인 프로그래밍
- 용접 조건 최적화
나. 설비 유지보수 (30%)
- 로봇 예방정비 계획 수립
다. 현장 교육 (20%)
- 신규 작업자 대상 로봇 안전 교육
4. 외국인 채용의 필요성
당사 해외 고객사 대응을 위해 현지 언어가 가능한 엔지니어가 필요합니다.
"""

FIELDS_THEN_BULLETS = """고용사유서
다. 채용 직무 및 담당업무
(1) 직 종 : 토목공학 전문가 (2313)
(2) 담당업무 및 업무비중
▶ 교량 상·하부구조 설계 계산 (60%)
▶ 구조해석 및 내진보강 검토 (40%)
라. 외국인 고용의 필요성
베트남 사업 수행을 위해 필요합니다.
"""


def test_points_under_numbered_areas_belong_to_them(tmp_path: Path) -> None:
    """"가. area (50%)" with "- point" lines under it: one duty per area, carrying its share; a
    numbered field above plain bullets is no area."""
    facts = understand_file(_write(tmp_path, "statement.txt", NESTED_KO))
    assert [(d.text, d.share) for d in facts.duties] == [
        ("용접 로봇 프로그램 작성: 차체 라인 용접 로봇 티칭 및 오프라인 프로그래밍; 용접 조건 최적화", 0.5),
        ("설비 유지보수: 로봇 예방정비 계획 수립", 0.3),
        ("현장 교육: 신규 작업자 대상 로봇 안전 교육", 0.2),
    ]
    facts = understand_file(_write(tmp_path, "fields.txt", FIELDS_THEN_BULLETS))
    assert [d.text for d in facts.duties] == ["교량 상·하부구조 설계 계산", "구조해석 및 내진보강 검토"]


def test_bilingual_form_table_title_and_particulars(tmp_path: Path) -> None:
    """The bilingual standard contract for foreign workers: "3. 직종 / Job Title" labels the title
    (a rank kept apart), and the employee's particulars ("성명 / Name: …") are no duties."""
    rows = [
        ("2. 근로자 / Employee", "성명 / Name: Aigerim Bekova\n국적 / Nationality: 카자흐스탄 / Kazakhstan\n생년월일 / Date of Birth: 1993. 4. 2."),
        ("3. 직종 및 직위 / Job Title & Grade", "정보보안 엔지니어 (대리) / Information Security Engineer (Assistant Manager)"),
        ("4. 업무내용 / Duties", "1) 보안 이벤트 모니터링 및 1차 대응\n2) 취약점 진단 및 보고서 작성"),
        ("5. 임금 / Wages", "연봉 52,000,000원"),
    ]
    path = _docx_with_table(tmp_path / "contract.docx", ["외국인 근로자 근로계약서 / Employment Contract for Foreign Worker"], rows)
    facts = understand_file(path)
    assert facts.title is not None and facts.title.value.startswith("정보보안 엔지니어") and facts.title.rank == "대리 / Assistant Manager"
    assert [d.text for d in facts.duties] == ["보안 이벤트 모니터링 및 1차 대응", "취약점 진단 및 보고서 작성"]


def test_prose_clauses_with_their_own_subject() -> None:
    """", and he worked …" / ", and she will coach …" start new duties like ", and worked …"; a
    condition ("Once a roadmap is agreed,") is no duty; "he is …" is no task."""
    from doclint.nlp.clauses import split_clauses

    assert split_clauses(
        "She will also be the main point of contact for our clients, and she will coach our junior consultants."
    ) == ["She will also be the main point of contact for our clients", "coach our junior consultants"]
    assert split_clauses("Once a roadmap is agreed, she will support implementation on site.") == [
        "support implementation on site"]
    assert split_clauses("He designed the schema and he is a kind person.") == [
        "He designed the schema and he is a kind person"]


OFFER_BILINGUAL = """채용 조건 확인서 (근로계약 요약)
Offer of Employment – Summary of Terms
직무 / Position: 해외영업 담당(베트남) / 해외사업팀
주요 업무 / Main duties
1. 베트남 현지 유통사 발굴 및 수출 계약 협상
Finding Vietnamese distributors and negotiating export contracts
2. 수출 오더 접수 및 선적 일정 조율
Handling export orders and coordinating shipping schedules
본 확인서에 기재되지 않은 사항은 근로계약서에 따릅니다.
"""


def test_bilingual_offer_letter(tmp_path: Path) -> None:
    """An offer letter is a contract; a numbered item's translation on the line under it is the
    item again, not the end of the list; the unit after the title is not the title."""
    facts = understand_file(_write(tmp_path, "offer.txt", OFFER_BILINGUAL))
    assert facts.doc_type.value == "employment_contract"
    assert [d.text for d in facts.duties] == ["베트남 현지 유통사 발굴 및 수출 계약 협상", "수출 오더 접수 및 선적 일정 조율"]
    assert facts.title is not None and facts.title.value == "해외영업 담당(베트남)"


STATEMENT_PROSE_KO = """고용사유서
당사는 2014년 설립된 광고 영상 후반제작 전문 회사로, TV 광고와 온라인 광고 영상의 편집, 합성, 색보정 작업을 수행하고 있습니다.
당사는 브라질 국적의 MARIA SOUZA(1996년생)를 당사 포스트프로덕션팀의 모션그래픽 디자이너로 채용하고자 합니다. 채용 후 담당 업무는 TV 광고의 모션그래픽 제작, 로고·자막 타이포그래피 애니메이션 제작, 실사 촬영본과 3D 소스의 합성 및 색보정입니다.
"""


def test_duties_stated_as_a_list_in_a_sentence(tmp_path: Path) -> None:
    """"담당 업무는 A, B, C입니다" states the duties, ahead of any paragraph about the company; the
    title is read from "…를 …팀의 X로 채용하고자 합니다"."""
    facts = understand_file(_write(tmp_path, "statement.txt", STATEMENT_PROSE_KO))
    assert [d.text for d in facts.duties] == [
        "TV 광고의 모션그래픽 제작", "로고·자막 타이포그래피 애니메이션 제작", "실사 촬영본과 3D 소스의 합성 및 색보정",
    ]
    assert facts.title is not None and facts.title.value == "모션그래픽 디자이너"


def test_gerund_lists_after_responsible_for() -> None:
    """"he was responsible for X, tuning Y, and preparing Z": a list of gerunds, whatever opens the
    sentence; capitalised words inside it ("RF Optimization Engineer") are no verbs."""
    from doclint.nlp.duties import split_prose

    assert split_prose(
        "As RF Optimization Engineer he was responsible for drive-test planning and post-processing, tuning antenna tilt "
        "across 1,200 LTE sites, and preparing weekly KPI reports for the operator."
    ) == ["drive-test planning and post-processing", "tuning antenna tilt across 1,200 LTE sites", "preparing weekly KPI reports for the operator"]


def test_title_label_words(tmp_path: Path) -> None:
    """"포지션:" (startups) and "Post:" (British letters) label the title like "직위:" and "Position:"."""
    for text, want in (("근로계약서\n포지션: 백엔드 개발자\n", "백엔드 개발자"),
                       ("CERTIFICATE OF EMPLOYMENT\nPost: Quantity Surveyor\n", "Quantity Surveyor")):
        facts = understand_file(_write(tmp_path, "doc.txt", text))
        assert facts.title is not None and facts.title.value == want


def test_scan_title_misread_by_one_character() -> None:
    """A scan's "경력증명서" read by OCR as "경 력 증 멍 서" still makes it a previous-employer letter;
    the same line typed is not guessed at."""
    from doclint.model import Block
    from doclint.nlp.doctype import classify

    assert classify([Block("경 력 증 멍 서", ocr=True), Block("성명 홍길동", ocr=True)])[0].value == "previous_employer_letter"
    assert classify([Block("경 력 증 멍 서"), Block("성명 홍길동")])[0].value == "other"


CERTIFICATE_WRAPPED = """SERVICE CERTIFICATE
His duties and responsibilities were:
• Facilitated HAZOP and LOPA studies for the ethane cracker and utilities units
• Reviewed management of change requests and led pre-startup safety reviews for
plant modifications and turnarounds.
• Trained operations and maintenance staff in process safety fundamentals.

We wish him every success.
"""


def test_a_bullet_wrapped_onto_an_unmarked_line(tmp_path: Path) -> None:
    """A bullet that stops mid-sentence ("… for") goes on in the lower-case line under it; the
    list goes on after it; the closing paragraph after the bullets is no duty."""
    facts = understand_file(_write(tmp_path, "certificate.txt", CERTIFICATE_WRAPPED))
    assert [d.text for d in facts.duties] == [
        "Facilitated HAZOP and LOPA studies for the ethane cracker and utilities units",
        "Reviewed management of change requests and led pre-startup safety reviews for plant modifications and turnarounds",
        "Trained operations and maintenance staff in process safety fundamentals",
    ]


def test_title_in_lower_case_after_as(tmp_path: Path) -> None:
    """A letter's title written in lower case ("practised with us as a corporate lawyer") is read
    by its job noun; where a career began ("joined as a first-year lawyer") is not the post."""
    text = ("REFERENCE LETTER\nI have known Zhang Hao since he joined us as a first-year lawyer in 2014. "
            "He practised with us as a corporate lawyer and was made Senior Associate in 2018.\n")
    facts = understand_file(_write(tmp_path, "letter.txt", text))
    assert facts.title is not None and facts.title.value == "corporate lawyer"


def test_duty_table_with_unnamed_share_column_and_total(tmp_path: Path) -> None:
    """"| Task | Share of time |": the share column is known by its cells; a row with one share
    is one duty however its cell wrapped; the total row adds up and is no duty."""
    rows = [("Task", "Share of time"),
            ("Pre-flight, transit and daily checks on A320 aircraft", "40%"),
            ("Defect troubleshooting and rectification in accordance with the AMM, including\nreplacement of line-replaceable units", "60%"),
            ("Total", "100%")]
    paragraphs = ["CERTIFICATE OF EMPLOYMENT", "His work covered line maintenance for domestic and foreign carriers."]
    facts = understand_file(_docx_with_table(tmp_path / "coe.docx", paragraphs, rows))
    assert [(d.text, d.share) for d in facts.duties] == [
        ("Pre-flight, transit and daily checks on A320 aircraft", 0.4),
        ("Defect troubleshooting and rectification in accordance with the AMM, including replacement of line-replaceable units", 0.6),
    ]


def test_cover_email_sending_the_documents_is_other(tmp_path: Path) -> None:
    """An email that sends the case's documents names the 고용사유서; it is not one, and gets no
    absence finding."""
    text = ("보낸사람: 인사팀 <hr@example.co.kr>\n제목: E-7 사증발급인정서 신청 서류 송부\n\n"
            "행정사님, 안녕하세요. 요청하신 서류 보내드립니다.\n[첨부]\n1. 근로계약서\n2. 고용사유서\n3. 경력증명서\n감사합니다.\n")
    path = _write(tmp_path, "메일_서류송부.txt", text)
    assert understand_file(path).doc_type.value == "other"
    assert not [f for f in lint(path).findings if f.rule in ("DL102", "DL202", "DL203")]
