"""Section headings: which blocks open a duty list, a job-posting list, a signature block or
another part of the document."""

from __future__ import annotations

import re
from functools import cache

from doclint.model import Block
from doclint.nlp import patterns
from doclint.nlp.text import LIST_MARKER

KINDS = ("duties", "posting", "signature", "other")
# "3. 담당업무", "제3조(업무내용)", "【담당 업무】", "Duties:" — strip decorations before matching.
_DECOR = re.compile(r"^[\s\[\]【】〔〕<>《》()（）\"'“”]*")
# "Duties:", "담당업무 -", "(업무내용)", and a numbered clause's "2. Duties. The Employee …"
_LABEL_END = re.compile(r"\s*[:：\-–—]\s*|\s*[\]】〕>》)）]\s*|\.\s+(?=[A-Z0-9])")


@cache
def _compiled() -> tuple[int, dict[str, re.Pattern[str]]]:
    data = patterns.load("sections")
    compiled = {
        kind: re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in data[kind]) + r")", re.IGNORECASE)
        for kind in KINDS
    }
    compiled["signature_anywhere"] = re.compile("|".join(f"(?:{p})" for p in data["signature_anywhere"]), re.IGNORECASE)
    return int(data["max_heading_chars"]), compiled


# "담당업무 / Duties", "자격 및 경력", "Education and Experience": a heading of two names
# "담당업무 (Duties)", "Duties (담당업무)": the same name in the other language
_SECOND_NAME = re.compile(
    r"^\s*(?:(?:[/|]|및|와|과|&|and)\s*[A-Za-z가-힣 ]{1,30}?(?=\s*[:：\-–—]|\s*$)|[(（]\s*[A-Za-z가-힣 ]{1,30}[)）])", re.IGNORECASE
)
# "업무내용 Duties", "직종 Occupation": a bilingual form's English name after the Korean one
_EN_NAME = re.compile(r"^\s+[A-Za-z][A-Za-z ]{1,30}?(?=\s*[:：\-–—]|\s*$)")


def _clean(text: str) -> str:
    text = LIST_MARKER.sub("", text, count=1)
    text = re.sub(r"^(?:제\s*\d+\s*조|(?i:article|section|clause)\s+\d+\.?)\s*", "", text)
    return _DECOR.sub("", text).strip()


def heading_kind(text: str) -> tuple[str, str] | None:
    """(kind, rest) when the text starts with a section heading; `rest` is what follows a
    "label: value" heading on the same line ("" for a heading alone)."""
    max_chars, compiled = _compiled()
    first_line = text.split("\n", 1)[0]
    if compiled["signature_anywhere"].search(first_line):
        return "signature", ""
    cleaned = _clean(first_line)
    for kind in KINDS:
        m = compiled[kind].match(cleaned)
        if not m:
            continue
        end = len(m.group(0).rstrip()) + m.start()  # a pattern's trailing \s* belongs to what follows
        rest = cleaned[end:]
        second = _SECOND_NAME.match(rest) or (_EN_NAME.match(rest) if re.search(r"[가-힣]$", cleaned[:end]) else None)
        if second and len(cleaned[: end + second.end()]) <= max_chars:
            rest = rest[second.end():]
        sep = _LABEL_END.match(rest)
        if sep:
            value = rest[sep.end():].strip()
            remainder = text.split("\n", 1)[1] if "\n" in text else ""
            return kind, "\n".join(x for x in (value, remainder) if x)
        if rest.strip() == "" and len(cleaned) <= max_chars:
            remainder = text.split("\n", 1)[1] if "\n" in text else ""
            return kind, remainder
        if kind == "signature":
            return kind, ""
        # the heading words begin a longer sentence: not a heading
    return None


def is_heading_block(block: Block) -> bool:
    return block.kind == "heading" or (block.table is not None and block.table[2] == 0)
