"""The catalog rules DL405, DL406, DL601, DL602, DL603: each firing and staying quiet, in Korean
and English documents, through the real CLI on real rendered files. Several files in one run are
separate cases: one English-message and one Korean-message run over every document below serve
all the tests (each CLI start costs seconds on a busy 2-core machine)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, run_json

KO = """# 고용사유서
| 업체명 | 주식회사 한빛 |
| 업종 | {industry} |
| 직위 | {title} |
| 직종 | {sub} {code} |
| 연봉 | {salary} |
## 담당업무
- {duty}
## 채용 사유
베트남 시장 진출을 위해 베트남어가 가능한 전문 인력이 필요함.
"""

EN = """# Employment Contract
Between Acme Korea Ltd. (the Employer) and Jane Doe (the Employee)
Industry: {industry}
Position: {title}
Occupation code: {sub} {code}
## Duties
- {duty}
## Salary
{salary}
"""

WEB = {"title": "웹 개발자", "duty": "React 기반 쇼핑몰 프론트엔드 개발", "industry": "정보통신업", "sub": "E-7-1", "code": "2224", "salary": "연봉 4,800만원"}
WEB_EN = {"title": "Web Developer", "duty": "Build React front-end pages for the online store", "industry": "Software development",
          "sub": "E-7-1", "code": "2224", "salary": "KRW 48,000,000 per year"}


HOTEL = {"sub": "E-7-2", "code": "3922", "title": "프런트 직원", "duty": "외국인 투숙객 체크인 및 객실 배정", "salary": "월 260만원"}
HOTEL_EN = {"sub": "E-7-2", "code": "3922", "title": "Front Desk Agent", "duty": "Check in foreign guests and assign rooms",
            "salary": "KRW 2,600,000 per month"}

# name → (language, fields); every one is a case of its own in the shared runs
DOCS: dict[str, tuple[str, dict[str, str]]] = {
    "ko_ok": ("ko", {}),
    "en_ok": ("en", {}),
    "ko_guide": ("ko", {"code": "2871"}),
    "en_guide": ("en", {"code": "2871"}),
    "en_typo": ("en", {"code": "2242"}),
    "ko_sub": ("ko", {"sub": "E-7-2"}),
    "en_sub": ("en", {"sub": "E-7-3"}),
    "en_e7s_rich": ("en", {"sub": "E-7-S", "salary": "KRW 150,000,000 per year"}),
    "ko_low": ("ko", {"salary": "월 200만원"}),
    "en_low": ("en", {"salary": "KRW 2,000,000 per month"}),
    # 27.6M is enough for a hotel receptionist (E-7-2), not for a web developer (E-7-1)
    "ko_e72": ("ko", {**HOTEL, "industry": "관광호텔업", "salary": "월 230만원"}),
    "ko_e71": ("ko", {"salary": "월 230만원"}),
    "en_e7s": ("en", {"sub": "E-7-S", "salary": "KRW 80,000,000 per year"}),
    "ko_industry": ("ko", {**HOTEL, "industry": "소프트웨어 개발 및 공급업"}),
    "en_industry": ("en", {**HOTEL_EN, "industry": "Software publishing"}),
    "ko_hotel": ("ko", {**HOTEL, "industry": "관광호텔업"}),
    "en_hotel": ("en", {**HOTEL_EN, "industry": "Tourist hotel"}),
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from render import render

    folder = tmp_path_factory.mktemp("catalog_rules")
    out = {}
    for name, (lang, fields) in DOCS.items():
        template, base = (KO, WEB) if lang == "ko" else (EN, WEB_EN)
        out[name] = render(template.format(**{**base, **fields}), folder / f"{name}.docx")
    return out


@pytest.fixture(scope="module")
def en_run(docs: dict[str, Path]) -> dict[str, list[dict[str, Any]]]:
    samples = ROOT / "samples"
    return check(*docs.values(), samples / "11-lee-salary-below-threshold", samples / "01-kim-web-developer")


@pytest.fixture(scope="module")
def ko_run(docs: dict[str, Path]) -> dict[str, list[dict[str, Any]]]:
    return check(*docs.values(), args=("--lang", "ko"))


def check(*paths: Path, args: tuple[str, ...] = (), rules: str = "DL405,DL406,DL601,DL602,DL603") -> dict[str, list[dict[str, Any]]]:
    """Findings of one real run, by file name."""
    _, data = run_json("check", *map(str, paths), "--select", rules, "--no-progress", *args)
    out: dict[str, list[dict[str, Any]]] = {}
    for case in data["cases"]:
        out[Path(case["path"]).stem] = case["findings"]
    return out


def rules(findings: list[dict[str, Any]]) -> list[str]:
    return [f["rule"] for f in findings]


def test_dl405_unknown_code(en_run: Any, ko_run: Any) -> None:
    assert rules(en_run["ko_guide"]) == ["DL405"] and rules(en_run["en_guide"]) == ["DL405"]
    message = en_run["en_guide"][0]["message"]
    assert "2871 is not on the E-7 list; guides call it Multimedia Producer" in message and "S2855 영상관련 디자이너" in message
    assert en_run["en_guide"][0]["evidence"] and en_run["en_guide"][0]["data"]["official_codes"] == ["S2855"]
    assert "2224" in en_run["en_typo"][0]["message"] and en_run["en_typo"][0]["data"]["near_codes"]
    assert rules(en_run["ko_ok"]) == [] and rules(en_run["en_ok"]) == []
    assert "안내서들은" in ko_run["ko_guide"][0]["message"] and "S2855" in ko_run["ko_guide"][0]["message"]


def test_dl405_code_given_on_the_command_line(docs: dict[str, Path]) -> None:
    got = check(docs["en_ok"], args=("--code", "2761"))
    assert rules(got["en_ok"]) == ["DL405"]
    assert "Human Resources Specialist" in got["en_ok"][0]["message"] and "1212" in got["en_ok"][0]["message"]


def test_dl406_subcategory_mismatch(en_run: Any, ko_run: Any) -> None:
    assert rules(en_run["ko_sub"]) == ["DL406"] and rules(en_run["en_sub"]) == ["DL406"]
    assert en_run["en_sub"][0]["message"] == "Code 2224 belongs to E-7-1, but the document cites E-7-3."
    assert rules(en_run["ko_ok"]) == [] and rules(en_run["en_ok"]) == [] and rules(en_run["en_e7s_rich"]) == []
    assert "E-7-1에 속하지만" in ko_run["ko_sub"][0]["message"]


def test_dl601_salary_below_threshold(en_run: Any, ko_run: Any) -> None:
    assert rules(en_run["ko_low"]) == ["DL601"] and rules(en_run["en_low"]) == ["DL601"]
    low = en_run["en_low"][0]
    assert low["data"]["annual_krw"] == 24_000_000 and low["data"]["threshold"] == 31_000_000
    assert "31,000,000 KRW minimum for E-7-1" in low["message"] and "2026 figure" in low["message"] and "source:" in low["message"]
    assert rules(en_run["ko_ok"]) == [] and rules(en_run["en_ok"]) == []
    assert rules(en_run["ko_e72"]) == [] and rules(en_run["ko_e71"]) == ["DL601"]
    assert rules(en_run["en_e7s"]) == ["DL601"] and en_run["en_e7s"][0]["data"]["scope"] == "E-7-S"
    assert "연봉 24,000,000원은 E-7-1의 최저 기준 31,000,000원보다 낮습니다" in ko_run["ko_low"][0]["message"]


def test_dl601_thresholds_from_the_config(docs: dict[str, Path], tmp_path: Path) -> None:
    config = tmp_path / "doclint.toml"
    config.write_text('[thresholds]\n"E-7-1" = 20000000\n"2224" = 50000000\n', encoding="utf-8")
    got = check(docs["ko_low"], docs["en_ok"], docs["ko_e72"], args=("--config", str(config)))
    assert rules(got["ko_low"]) == ["DL601"]  # the code's own figure (50M) wins over the subcategory's (20M)
    assert "50,000,000 KRW minimum for code 2224" in got["en_ok"][0]["message"] and "doclint.toml [thresholds]" in got["en_ok"][0]["message"]
    config.write_text('[thresholds]\n"E-7-1" = 20000000\n', encoding="utf-8")
    got = check(docs["ko_low"], args=("--config", str(config)))
    assert rules(got["ko_low"]) == []  # 24M is above the configured 20M


def test_dl602_industry_restricted(en_run: Any, ko_run: Any) -> None:
    assert rules(en_run["ko_industry"]) == ["DL602"] and rules(en_run["en_industry"]) == ["DL602"]
    message = en_run["en_industry"][0]["message"]
    assert "3922 호텔 접수 사무원" in message and "Software publishing" in message
    assert rules(en_run["ko_hotel"]) == [] and rules(en_run["en_hotel"]) == [] and rules(en_run["en_ok"]) == []
    assert "관광진흥법상 관광호텔업 등록 호텔" in ko_run["ko_industry"][0]["message"]


def test_dl603_catalog_stale(docs: dict[str, Path], en_run: Any, tmp_path: Path) -> None:
    old = tmp_path / "hikorea-2025.csv"
    old.write_text("직종코드,직종명\n2224,웹 개발자\n", encoding="utf-8")
    year_ago = time.time() - 300 * 86400
    os.utime(old, (year_ago, year_ago))
    got = check(docs["ko_ok"], docs["en_ok"], args=("--catalog", str(old), "--lang", "ko"))
    stale = [f for findings in got.values() for f in findings if f["rule"] == "DL603"]
    assert len(stale) == 1  # about the run, not each case: said once
    assert rules(got["ko_ok"]) + rules(got["en_ok"]) == ["DL603"]
    assert stale[0]["severity"] == "info" and "hikorea-2025" in stale[0]["message"] and "6개월" in stale[0]["message"]
    fresh = tmp_path / "hikorea-now.csv"
    fresh.write_text("직종코드,직종명\n2224,웹 개발자\n", encoding="utf-8")
    got = check(docs["ko_ok"], docs["en_ok"], args=("--catalog", str(fresh)))
    assert rules(got["ko_ok"]) == [] and rules(got["en_ok"]) == []
    assert "DL603" not in {r for findings in en_run.values() for r in rules(findings)}  # the default catalog is current


def test_sample_11_is_below_the_threshold(en_run: Any) -> None:
    assert rules(en_run["11-lee-salary-below-threshold"]) == ["DL601"] and rules(en_run["01-kim-web-developer"]) == []
