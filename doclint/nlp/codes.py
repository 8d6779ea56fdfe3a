"""Occupation codes and subcategories as people cite them: "직종코드: 2224",
"E-7-1(2224 웹 개발자)", "occupation code 2224", "KSCO 2733", "S2855"."""

from __future__ import annotations

import re
from functools import cache

from doclint.model import Block, CodeMention, Span
from doclint.nlp import patterns
from doclint.nlp.text import word_pattern


@cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], int]:
    data = patterns.load("codes")
    context = re.compile(word_pattern(data["context"]["ko"] + data["context"]["en"]), re.IGNORECASE)
    return context, re.compile(data["code"], re.IGNORECASE), re.compile(data["subcategory"], re.IGNORECASE), int(data["window"])


def find_codes(blocks: list[Block]) -> tuple[list[CodeMention], Span | None]:
    context, code_re, sub_re, window = _compiled()
    mentions: list[CodeMention] = []
    subcategory: Span | None = None
    seen: set[str] = set()
    prev: Block | None = None
    for block in blocks:
        text = block.text
        # "| 직종코드 | 2224 |": the label cell before, in the same table row, is the context
        label_cell = bool(
            prev and prev.table and block.table and prev.table[:2] == block.table[:2] and context.search(prev.text)
        )
        prev = block
        subs = list(sub_re.finditer(text))
        if subs and subcategory is None:
            subcategory = Span(f"E-7-{subs[0].group(1).upper()}", block.location)
        context_ends = [m.end() for m in context.finditer(text)] + [m.end() for m in subs]
        for m in code_re.finditer(text):
            raw = m.group(1).upper()
            in_context = label_cell or raw.startswith("S") or any(0 <= m.start() - end <= window for end in context_ends)
            # "(2224 웹 개발자)" right after a subcategory, or "영상관련 디자이너(S2855)"
            if not in_context:
                before = text[max(0, m.start() - 2) : m.start()]
                in_context = "(" in before and bool(subs)
            if not in_context or raw in seen:
                continue
            # a year, unless a code word sits right before it
            if re.fullmatch(r"(19|20)\d{2}", raw) and not any(0 <= m.start() - end <= 6 for end in context_ends):
                continue
            seen.add(raw)
            sub = None
            near = [s for s in subs if abs(s.start() - m.start()) <= 40]
            if near:
                sub = f"E-7-{near[0].group(1).upper()}"
            mentions.append(CodeMention(text.strip()[:200], block.location, code=raw, subcategory=sub))
    return mentions, subcategory
