"""Labelled facts: employer, industry (업태/종목), applicant, contract period, a letter's
employment dates, and whether a signatory and contact details are given. Labels and sentence
patterns are data in rules/patterns/fields.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from doclint.model import Block, Span
from doclint.nlp import patterns
from doclint.nlp.text import LIST_MARKER, squash

_SEP = r"\s*(?:[:：]|\|)\s*"
_TRAILING_NOTE = re.compile(r"(?<=\S)\s*[(（][^()（）]{1,40}[)）]\s*$")


@dataclass(frozen=True)
class FieldPatterns:
    label_only: re.Pattern[str]
    inline: re.Pattern[str]
    sentences: tuple[re.Pattern[str], ...]


def _alternation(labels: list[str]) -> str:
    return "|".join(f"(?:{x})" for x in sorted(labels, key=len, reverse=True))


@cache
def _fields() -> dict[str, FieldPatterns]:
    out: dict[str, FieldPatterns] = {}
    for name, spec in patterns.load("fields")["fields"].items():
        alt = _alternation(spec["labels"])
        # "업체명 / Company: …", "직위(Position): …" — a bilingual label is still one label
        label = rf"(?:{alt})(?:\s*(?:[/·]|[(（])\s*[^:：|]{{1,30}}?[)）]?)?"
        out[name] = FieldPatterns(
            re.compile(rf"^\s*[\[【]?\s*{label}\s*[\]】]?\s*[:：]?\s*$", re.IGNORECASE),
            re.compile(rf"^\s*[\[【]?\s*{label}\s*[\]】]?{_SEP}(?P<v>.+)$", re.IGNORECASE),
            tuple(re.compile(p) for p in spec.get("sentences", [])),
        )
    return out


def is_field_line(line: str) -> bool:
    """A labelled fact ("Industry: Software development", "업체명 | 한빛"): a form field, not a task."""
    return any(p.inline.match(line) or p.label_only.match(line) for p in _fields().values())


@cache
def _flag_regex(name: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns.load("fields")[name]))


@cache
def _value_end() -> re.Pattern[str]:
    return re.compile(patterns.load("fields")["value_end"], re.IGNORECASE)


def _clean(value: str) -> str:
    value = _value_end().sub("", value.split("\n", 1)[0])
    value = _TRAILING_NOTE.sub("", value)  # "그랜드오션호텔 주식회사 (관광호텔업 등록)", "쩐티란 (베트남)"
    return squash(value).strip(" .;,:：")


def find_field(blocks: list[Block], name: str) -> Span | None:
    """The first labelled value (table row or "label: value" line), else the first sentence
    pattern match. Fields listed in `join_all` keep every labelled value (업태 / 종목)."""
    labelled = _labelled_values(blocks, name)
    if labelled:
        if name in patterns.load("fields").get("join_all", []):
            values = list(dict.fromkeys(v.text for v in labelled))
            return Span(" / ".join(values), labelled[0].location)
        return labelled[0]
    return _sentence_value(blocks, name)


def _labelled_values(blocks: list[Block], name: str) -> list[Span]:
    pats = _fields()[name]
    found: list[Span] = []
    for i, block in enumerate(blocks):
        if block.kind in ("header", "footer"):
            continue
        text = LIST_MARKER.sub("", block.text.split("\n", 1)[0], count=1)
        if block.table is not None and pats.label_only.match(text):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is not None and nxt.table is not None and nxt.table[:2] == block.table[:2]:
                value = _clean(nxt.text)
                if value:
                    found.append(Span(value, nxt.location))
            continue
        m = pats.inline.match(text)
        if m and _clean(m.group("v")):
            found.append(Span(_clean(m.group("v")), block.location))
    return found


def _sentence_value(blocks: list[Block], name: str) -> Span | None:
    pats = _fields()[name]
    for block in blocks:
        if block.kind in ("header", "footer"):
            continue
        for regex in pats.sentences:
            m = regex.search(block.text)
            if m and _clean(m.group("v")):
                return Span(_clean(m.group("v")), block.location)
    return None


def has_flag(blocks: list[Block], name: str) -> bool:
    """Whether any block carries a signatory ("signatory") or contact ("contact") cue."""
    regex = _flag_regex(name)
    return any(regex.search(b.text) for b in blocks)
