"""Salary parsing (doclint/nlp/salary.py) on the formats contracts and 고용사유서 really use:
원/만원/억/천원, Hangul numerals, KRW/₩/W/won, M/million, and the period (monthly ×12, hourly
×209 h ×12, yearly as is)."""

from __future__ import annotations

import pytest

from doclint.nlp.salary import parse_hangul_number, parse_salary_text

CASES = [
    ("월 250만원", 30_000_000, "month"),
    ("연봉 3,600만 원", 36_000_000, "year"),
    ("금 삼천만원", 30_000_000, "year"),
    ("KRW 42,000,000 per annum", 42_000_000, "year"),
    ("₩3.2M monthly", 38_400_000, "month"),
    ("시급 12,000원", 30_096_000, "hour"),
    ("연봉 3억", 300_000_000, "year"),
    ("연봉: 금 48,000,000원 (세전)", 48_000_000, "year"),
    ("월 2,600,000원 / KRW 2,600,000 per month", 31_200_000, "month"),
    ("Annual salary of KRW 42,000,000 (gross), paid monthly on the 25th.", 42_000_000, "year"),
    ("Monthly salary of KRW 3,800,000 before tax", 45_600_000, "month"),
    ("금 오천만원정 (50,000,000원)", 50_000_000, "year"),
    ("연 4,200만원", 42_000_000, "year"),
    ("연봉 1억 2천만원", 120_000_000, "year"),
    ("연봉 4천2백만원", 42_000_000, "year"),
    ("연봉 3.5억원", 350_000_000, "year"),
    ("KRW 45.6 million per year", 45_600_000, "year"),
    ("45,600,000 won annually", 45_600_000, "year"),
    ("Salary: 3,000,000 KRW/month", 36_000_000, "month"),
    ("₩36,000,000/yr", 36_000_000, "year"),
    ("W 2,500,000 per month", 30_000_000, "month"),
    ("월급 280만 원", 33_600_000, "month"),
    ("기본급 월 2,200,000원", 26_400_000, "month"),
    ("월 기본급 2,500,000원, 식대 200,000원", 30_000_000, "month"),
    ("연봉 4,800만원(월 400만원)", 48_000_000, "year"),
    ("KRW 60 million p.a.", 60_000_000, "year"),
    ("annual compensation of 55,000,000 KRW", 55_000_000, "year"),
    ("시간당 10,320원", 25_882_560, "hour"),
    ("Hourly wage: KRW 12,000", 30_096_000, "hour"),
    ("연봉 삼천육백만원", 36_000_000, "year"),
    ("일금 이천사백만원정", 24_000_000, "year"),
    ("연봉 60,000천원", 60_000_000, "year"),
    ("3,600만원/년", 36_000_000, "year"),
    ("KRW 2.8M/month", 33_600_000, "month"),
    ("KRW 3,500,000 p.m.", 42_000_000, "month"),
    ("연봉 4천만원", 40_000_000, "year"),
    ("매월 3,100,000원을 지급한다", 37_200_000, "month"),
    ("연간 총액 39,600,000원", 39_600_000, "year"),
    ("USD 40,000 equivalent, paid as KRW 52,000,000 a year", 52_000_000, "year"),
    ("₩ 42,000,000", 42_000_000, "year"),
    ("3,200,000원/월", 38_400_000, "month"),
    ("연봉 일억원", 100_000_000, "year"),
    ("Gross pay: 4.5 million won per month", 54_000_000, "month"),
    ("KRW42,000,000", 42_000_000, "year"),
    ("월 300만원 (연 3,600만원)", 36_000_000, "month"),
]


@pytest.mark.parametrize(("text", "annual", "period"), CASES, ids=[c[0] for c in CASES])
def test_salary_formats(text: str, annual: int, period: str) -> None:
    assert parse_salary_text(text) == (annual, period)


@pytest.mark.parametrize("text", [
    "근로시간 주 40시간, 월 209시간",  # hours, not money
    "사원 이만수",  # a name made of numeral syllables
    "직종코드 2224 웹 개발자",
    "계약기간 2026.03.01 ~ 2027.02.28",
    "연락처 010-1234-5678",
    "오후 6시 퇴근",
])
def test_not_a_salary(text: str) -> None:
    assert parse_salary_text(text) is None


@pytest.mark.parametrize(("text", "value"), [("삼천육백만", 36_000_000), ("일억", 100_000_000), ("이천사백만", 24_000_000),
                                             ("억", 100_000_000), ("구백만", 9_000_000), ("일억오천만", 150_000_000)])
def test_hangul_numerals(text: str, value: int) -> None:
    assert parse_hangul_number(text) == value
