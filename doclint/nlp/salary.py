"""Salary: find the pay in a document and normalise it to KRW a year.

Handles 원, 만원, 억, 천/백 inside Korean numbers (1억 2천만원, 4천2백만원), amounts written in
Hangul numerals as contracts do (금 삼천만원정, 일금 이천사백만원), KRW/₩/won,
million/M/k, commas, and the period: monthly (월, 월급, per month, p.m.) ×12, hourly (시급,
per hour) ×209 h ×12 (Korea's standard monthly hours), yearly (연봉, per annum, p.a.) as is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from doclint.model import Block, Salary

_NUM = r"\d[\d,]*(?:\.\d+)?"
_KO_UNITS = {"억": 100_000_000, "만": 10_000, "천": 1_000, "백": 100, "십": 10}
# A Korean amount: digits with 억/천/백/십/만 units, then 원 (or 만원 alone).
_KO_AMOUNT = re.compile(
    rf"(?:금\s*)?({_NUM}\s*[억천백십만](?:\s*(?:{_NUM})?\s*[억천백십만])*(?:\s*{_NUM}(?=\s*(?:원|won)))?\s*(?:원|won)?|{_NUM}\s*(?:원|won))(?:\s*정)?",
    re.IGNORECASE,
)
_EN_MULT = {"million": 1_000_000, "mil": 1_000_000, "mn": 1_000_000, "m": 1_000_000,
            "billion": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
            "thousand": 1_000, "k": 1_000}
_MULT = r"(million|mil|mn|billion|bn|thousand|m|b|k)(?![a-z])"
_EN_AMOUNT = re.compile(
    rf"(?:(krw|₩|￦|w)\s*({_NUM})\s*(?:{_MULT})?)|(?:({_NUM})\s*(?:{_MULT})?\s*(krw|won|원))",
    re.IGNORECASE,
)
_MONTH = re.compile(r"(월\s*(급|급여|임금|보수|기본급)?|매월|monthly|per\s+month|a\s+month|/\s*month|/\s*mo\b|p\.?\s*m\.?(?![a-z]))", re.IGNORECASE)
_YEAR = re.compile(r"(연\s*봉|연\s*간|연\s*(급여|임금|보수)|연\s+|년\s*(봉|간)|annual|annually|per\s+(annum|year)|a\s+year|/\s*y(ea)?r|p\.?\s*a\.?(?![a-z])|yearly)", re.IGNORECASE)
_HOUR = re.compile(r"(시\s*급|시간\s*당|per\s+hour|hourly|an\s+hour|/\s*h(ou)?r)", re.IGNORECASE)
_CONTEXT = re.compile(
    r"(연\s*봉|급\s*여|임\s*금|월\s*급|기본급|보\s*수|연간|salary|wage|compensation|remuneration|\bpay\b|paid|earn|income)",
    re.IGNORECASE,
)
# Numbers that are never pay: phone, registration numbers, dates.
_NOT_MONEY = re.compile(r"\d{2,4}-\d{3,4}-\d{4}|\d{3}-\d{2}-\d{5}|\d{6}-\d{7}|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}")
# Hangul numerals (삼천육백만원): 만 or 억 must be in it, and 원 after it, so words are not read as money.
_HANGUL_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9}
_HANGUL_CHARS = "일이삼사오육륙칠팔구십백천만억"
_HANGUL_AMOUNT = re.compile(rf"(?:일금|금)?\s*([{_HANGUL_CHARS}]*[만억][{_HANGUL_CHARS}]*)\s*원(?:\s*정)?")
_MIN_ANNUAL = 1_000_000  # below this it is not a salary (a code, an hour count …)
_MAX_ANNUAL = 10_000_000_000


def _to_float(num: str) -> float:
    return float(num.replace(",", ""))


def parse_korean_number(text: str) -> float | None:
    """'1억 2천만' → 120000000; '4,200만' → 42000000; '3.5억' → 350000000; '42,000,000' → 42e6."""
    text = re.sub(r"\s+", "", text.replace("원", "").replace("won", "").replace("금", "").replace("정", ""))
    if not text:
        return None
    total = 0.0
    section = 0.0
    pending: float | None = None
    for num, unit in re.findall(rf"({_NUM})?([억천백십만]?)", text):
        if not num and not unit:
            continue
        value = _to_float(num) if num else None
        if unit in ("억", "만"):
            amount = section + (value if value is not None else (0 if section else 1))
            total += amount * _KO_UNITS[unit]
            section = 0.0
        elif unit:
            section += (value if value is not None else 1) * _KO_UNITS[unit]
        else:
            pending = value
    total += section + (pending or 0)
    return total or None


def parse_hangul_number(text: str) -> int | None:
    """'삼천육백만' → 36000000; '일억' → 100000000; '이천사백만' → 24000000."""
    total = section = pending = 0
    for ch in text:
        if ch in _HANGUL_DIGITS:
            pending = _HANGUL_DIGITS[ch]
        elif ch in "십백천":
            section += (pending or 1) * _KO_UNITS[ch]
            pending = 0
        elif ch in "만억":
            total += (section + pending or 1) * _KO_UNITS[ch]
            section = pending = 0
        else:
            return None
    return (total + section + pending) or None


@dataclass
class _Amount:
    value: float
    start: int
    end: int


def amounts(text: str) -> list[_Amount]:
    """Every money amount in a line, in KRW, with its span."""
    masked = _NOT_MONEY.sub(lambda m: "#" * len(m.group()), text)
    found: list[_Amount] = []
    for m in _EN_AMOUNT.finditer(masked):
        num = m.group(2) or m.group(4)
        mult = (m.group(3) or m.group(5) or "").lower()
        cur = (m.group(1) or m.group(6) or "").lower()
        if cur == "w" and not mult and "," not in num:
            continue  # a bare "W" prefix is too ambiguous without thousands separators
        if cur in ("원",) and not mult:
            continue  # left to the Korean parser (handles 만원 etc.)
        value = _to_float(num) * _EN_MULT.get(mult, 1)
        found.append(_Amount(value, m.start(), m.end()))
    for m in _KO_AMOUNT.finditer(masked):
        if any(a.start <= m.start() < a.end for a in found):
            continue
        chunk = m.group(1)
        if not re.search(r"[억만원]|won", chunk, re.IGNORECASE):
            continue
        korean = parse_korean_number(chunk)
        if korean:
            found.append(_Amount(korean, m.start(), m.end()))
    for m in _HANGUL_AMOUNT.finditer(masked):
        if any(a.start <= m.start(1) < a.end for a in found):
            continue
        hangul = parse_hangul_number(m.group(1))
        if hangul:
            found.append(_Amount(float(hangul), m.start(), m.end()))
    found.sort(key=lambda a: a.start)
    return found


def _period(text: str, start: int) -> str:
    """The period an amount at `start` is stated in: the nearest marker before it on the line,
    else the nearest after it."""
    best: tuple[int, str] | None = None
    for pattern, name in ((_MONTH, "month"), (_YEAR, "year"), (_HOUR, "hour")):
        for m in pattern.finditer(text):
            dist = start - m.end() if m.end() <= start else (m.start() - start) + 1000
            if best is None or dist < best[0]:
                best = (dist, name)
    return best[1] if best else "year"


def annualise(value: float, period: str) -> int:
    if period == "month":
        return round(value * 12)
    if period == "hour":
        return round(value * 209 * 12)
    return round(value)


def parse_salary_text(text: str) -> tuple[int, str] | None:
    """(annual KRW, period) of the first plausible pay amount in one line of text."""
    for amount in amounts(text):
        period = _period(text, amount.start)
        annual = annualise(amount.value, period)
        if _MIN_ANNUAL <= annual <= _MAX_ANNUAL:
            return annual, period
    return None


def find_salary(blocks: list[Block]) -> Salary | None:
    """The salary of a document: the first amount in a pay context (the line itself, or the
    label cell/line just before it). Prefers a stated annual total over monthly parts."""
    candidates: list[tuple[int, Salary]] = []
    prev = ""
    for block in blocks:
        for line in block.text.split("\n"):
            context = _CONTEXT.search(line) or _CONTEXT.search(prev)
            if context:
                parsed = parse_salary_text(line if _CONTEXT.search(line) else prev + " " + line)
                if parsed:
                    annual, period = parsed
                    priority = 0 if re.search(r"(연\s*봉|총|합계|total|annual|per\s+annum|gross)", line, re.I) else 1
                    candidates.append((priority, Salary(line.strip(), block.location, annual_krw=annual, period=period)))
            prev = line
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0])
    return candidates[0][1]
