"""The job title as written, with rank words (과장, 대리, Senior, Lead) kept apart."""

from __future__ import annotations

import re
from functools import cache

from doclint.model import Block, Title
from doclint.nlp import patterns
from doclint.nlp.text import squash, word_pattern

_SEP = r"\s*(?:[:：]|\s-\s|\|)\s*"


@cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], set[str]]:
    data = patterns.load("titles")
    labels = data["labels"]["ko"] + data["labels"]["en"]
    label_alt = "|".join(f"(?:{x})" for x in sorted(labels, key=len, reverse=True))
    # "직위: X", "직책/직위 : X", "Position / 직위: X"
    inline = re.compile(
        rf"^\s*(?:[\[(【]?\s*)?(?:{label_alt})(?:\s*[/·]\s*(?:{label_alt}))*\s*[\])】]?{_SEP}(?P<value>.+)$",
        re.IGNORECASE,
    )
    label_only = re.compile(
        rf"^\s*(?:{label_alt})(?:\s*[/·]\s*(?:{label_alt}))*\s*[:：]?\s*$", re.IGNORECASE
    )
    ranks = data["ranks"]["ko"] + data["ranks"]["en"]
    rank_re = re.compile(word_pattern(ranks), re.IGNORECASE)
    alone = {w.lower() for w in data["rank_is_title_when_alone"]}
    return inline, label_only, rank_re, alone


def split_rank(title: str) -> tuple[str, str | None]:
    """('Backend Engineer', 'Senior') from 'Senior Backend Engineer'; ('해외영업', '과장') from
    '과장 / 해외영업'. A title that is only a rank word that is also a job (연구원) stays."""
    _, _, rank_re, alone = _compiled()
    text = squash(title)
    ranks: list[str] = []
    parts = [p.strip() for p in re.split(r"\s*[/|,()（）]\s*", text) if p.strip()]
    kept: list[str] = []
    for part in parts:
        if rank_re.fullmatch(part):
            ranks.append(part)
        else:
            kept.append(part)
    text = " / ".join(kept) if kept else text
    # leading/trailing rank words inside one part
    while True:
        m = rank_re.match(text)
        if m and m.end() < len(text) and text[m.end()] in " \t":
            ranks.append(m.group())
            text = text[m.end():].strip()
            continue
        m2 = re.search(rf"(?:^|\s)({rank_re.pattern})$", text, re.IGNORECASE)
        if m2 and m2.start(1) > 0:
            ranks.append(m2.group(1))
            text = text[: m2.start(1)].strip()
            continue
        break
    if not kept and ranks and text.lower() in alone:
        return text, None
    if not text or (rank_re.fullmatch(text) and text.lower() not in alone):
        return title.strip(), None
    return text.strip(" ,/"), (" ".join(ranks) if ranks else None)


def _clean_value(value: str) -> str:
    value = value.split("\n", 1)[0]
    value = re.split(r"\s{3,}|\t", value)[0]
    return value.strip(" .;,")


def find_title(blocks: list[Block]) -> Title | None:
    inline, label_only, _, _ = _compiled()
    for i, block in enumerate(blocks):
        if block.kind in ("header", "footer"):
            continue
        first = block.text.split("\n", 1)[0]
        m = inline.match(first)
        if m:
            value = _clean_value(m.group("value"))
            if value and len(value) <= 80:
                value_text, rank = split_rank(value)
                return Title(first.strip(), block.location, value=value_text, rank=rank)
        if label_only.match(block.text) and i + 1 < len(blocks):
            nxt = blocks[i + 1]
            same_row = block.table and nxt.table and nxt.table[:2] == block.table[:2]
            if same_row or (block.table is None and nxt.table is None):
                value = _clean_value(nxt.text)
                if value and len(value) <= 80 and not label_only.match(value):
                    value_text, rank = split_rank(value)
                    return Title(f"{block.text.strip()}: {value}", nxt.location, value=value_text, rank=rank)
    return None
