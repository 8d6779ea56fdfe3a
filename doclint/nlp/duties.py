"""Duties: the job-duty items of a document, each with its time share when one is stated.

Duties are read from under a duty heading (담당업무, 업무내용, Duties, Responsibilities …) as
bullets, numbered items, lines, table cells (a "담당업무 | …" row or a "업무 | 비중" column), or
run-on prose split into clauses. A posting heading (우대사항, Requirements) or a signature block
ends the list: what stands there is not a duty."""

from __future__ import annotations

import re
from functools import cache

from doclint.model import Block, Duty, Location, Span
from doclint.nlp import patterns
from doclint.nlp.clauses import split_clauses, strip_lead_in
from doclint.nlp.layout import is_marked as _is_marked
from doclint.nlp.sections import heading_kind
from doclint.nlp.text import LIST_MARKER, squash, strip_marker

_SHARE_WORDS_HEADER = re.compile(r"^(비중|비율|시간\s*비중|업무\s*비중|share|time|%|percent(age)?|weight)", re.I)
# Korean clause endings that join duties in prose: …을 개발하고, …을 유지보수하며, …을 지원함
# a paragraph that narrates duties: a letter's "she handled …", a statement's "담당업무는 …을 개발하고"
_PROSE_DUTY = re.compile(r"^(?:(?:During|In|While|Throughout)\b[^,]{0,60}?,?\s+)?(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?:(?i:he|she|they)|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+(?:was\s+responsible\s+for|was\s+in\s+charge\s+of|[a-z]+ed)\s|(?:업무|직무)(?:는|로|를)\s|^(?:(?:His|Her|Their|The)\s+(?:main\s+)?(?:duties|responsibilities|tasks)\s+(?:included|include|were|are|consisted\s+of))\s|(?:재직|근무)\s*(?:기간|중)\s*(?:동안|에)?\s|(?:[가-힣](?:고|며)\s*,?\s+\S.*){2,}")
_PROSE_HINT = re.compile(r"(?:[가-힣](?:고|며|거나|면서)\s*,?\s+\S)|[,;]\s*(?:and\s+)?[a-z]+(?:ed|s)?\s|\s(?:and|&)\s+[a-z]+ed\s|(?:[가-힣](?:함|합니다|했습니다|하였음)\s*\.?\s*$)|[.!?]\s+\S|^(?:(?:During|In|While)\s|(?:He|She|They|Mr|Ms|Mrs)\b)")
_KO_END = re.compile(r"\s*(?:하는\s*업무|하는\s*일|을\s*담당함?|를\s*담당함?|등의\s*업무|업무를\s*수행함?|합니다|하였음|하였습니다|했습니다|함|한다|하기|할\s*것|임)\s*[.。]?\s*$")


@cache
def _share_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], list[tuple[re.Pattern[str], float]]]:
    data = patterns.load("duties")["shares"]
    words = [
        (re.compile(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])\s+(of\s+)?(my|his|her|their|the)?\s*(working\s+)?time", re.I), float(v))
        for w, v in data["words_en"].items()
        if v is not None
    ] + [(re.compile(rf"(?<![가-힣]){re.escape(w)}\s*(정도|가량)?\s*의?\s*(시간|비중)"), float(v)) for w, v in data["words_ko"].items()]
    return (re.compile(data["percent"], re.I), re.compile(data["days_ko"]), re.compile(data["days_en"], re.I), words)


def parse_share(text: str) -> tuple[str, float | None]:
    """(text without the share expression, share 0..1 or None)."""
    percent, days_ko, days_en, words = _share_patterns()
    m = percent.search(text)
    share: float | None = None
    if m:
        value = float(m.group(1))
        if 0 < value <= 100:
            share = value / 100
            text = text[: m.start()] + text[m.end():]
    else:
        for regex in (days_ko, days_en):
            m = regex.search(text)
            if m:
                share = min(float(m.group(1)) / 5, 1.0)
                text = text[: m.start()] + text[m.end():]
                break
        else:
            for regex, value in words:
                m = regex.search(text)
                if m:
                    share = value
                    text = text[: m.start()] + text[m.end():]
                    break
    if share is not None:
        text = re.sub(r"\(\s*\)|\[\s*\]|（\s*）", "", text)
        text = re.sub(r"(업무\s*)?비중\s*[:：]?\s*$|\b(about|approx\.?|approximately|around|roughly|~|약)\s*$", "", text.strip(), flags=re.I)
        text = re.sub(r"^\s*[:：\-–—]\s*|\s*[:：\-–—,(]\s*$", "", text.strip())
    return squash(text), share


def split_prose(text: str) -> list[str]:
    """Split one line of run-on prose into duty clauses (doclint.nlp.clauses, on spaCy/Kiwi)."""
    text = squash(text)
    if not _PROSE_HINT.search(text):
        return [text.rstrip(" .")]  # a plain item: no analyser needed
    return [strip_lead_in(p) for p in split_clauses(text)]


def _items(text: str, marked: bool = False) -> list[tuple[str, float | None]]:
    """Duty items of a block: a bullet or numbered item is one duty; prose is split."""
    out: list[tuple[str, float | None]] = []
    for line in text.split("\n"):
        one_item = marked or bool(LIST_MARKER.match(line))
        line = strip_marker(line)
        if not line:
            continue
        for part in [squash(line)] if one_item else split_prose(line):
            part, share = parse_share(strip_marker(part))
            if len(part) >= 2 and not re.fullmatch(r"[\W\d_]+", part):
                out.append((part, share))
    return out


def find_duties(blocks: list[Block]) -> tuple[list[Duty], Span | None]:
    blocks = [b for b in blocks if b.kind not in ("header", "footer")]
    duties, section = _sectioned_duties(blocks)
    if not duties:
        duties = _prose_duties(blocks)
    return duties, section


def _prose_duties(blocks: list[Block]) -> list[Duty]:
    """No duty heading: a prose paragraph that narrates several tasks ("During her employment
    she handled …, negotiated …, and coordinated …") holds the duties."""
    for block in blocks:
        if block.table is not None or len(block.text) < 40 or heading_kind(block.text):
            continue
        if not _PROSE_DUTY.search(block.text):
            continue
        items = [(p, parse_share(p)) for p in split_prose(block.text)]
        items = [(t, sh) for _, (t, sh) in items if len(t) >= 4]
        if len(items) >= 2:
            return [Duty(t, sh, Location(block.line, block.page), None) for t, sh in items]
    return []


def _sectioned_duties(blocks: list[Block]) -> tuple[list[Duty], Span | None]:
    duties: list[Duty] = []
    section: Span | None = None
    mode: str | None = None  # None | "list" | "row" | "column"
    anchor: tuple[int, int, int] | None = None  # table cell of the heading
    row_duty: dict[tuple[int, int], int] = {}  # (table,row) → index of its duty (column mode)

    def add(text: str, block: Block, share: float | None = None, prose: bool = False) -> None:
        marked = not prose and (block.kind == "list_item" or bool(block.marker))
        for item, item_share in _items(text, marked):
            duties.append(Duty(item, item_share if item_share is not None else share, Location(block.line, block.page), section.text if section else None))

    marked = False  # the current list is made of bullets/numbers: an unmarked line ends it
    for block in blocks:
        found = heading_kind(block.text)
        if mode == "column" and block.table and anchor and block.table[0] == anchor[0] and block.table[1] > anchor[1]:
            if block.table[2] == 0 and found and found[0] != "duties" and block.table[2] != anchor[2]:
                mode, anchor = None, None  # "| 연봉 | …": a labelled row after the duty rows
                continue
            found = None  # cells under a column header are data, even if they start like one
        if found:
            kind, rest = found
            if kind == "duties":
                section = Span(block.text.split("\n", 1)[0].strip(), block.location)
                anchor = block.table
                mode = "row" if block.table else "list"
                marked = False
                if rest:
                    add(rest, block, prose=True)  # "5. 담당업무: …하고, …하며"
                continue
            if mode == "row" and block.table and anchor and block.table[:2] == anchor[:2]:
                pass  # a value cell that happens to start like a heading
            else:
                mode, anchor = None, None
                continue
        if mode is None:
            continue
        if mode == "list":
            if block.kind == "heading":
                mode = None
                continue
            if block.table is not None and anchor is None and duties:
                mode = None
                continue
            if duties and marked and not _is_marked(block):
                mode = None  # a paragraph after the bullets: the list is over
                continue
            marked = marked or (_is_marked(block) and not duties) or (marked and _is_marked(block))
            add(block.text, block)
        elif mode in ("row", "column") and block.table and anchor:
            t, r, c = block.table
            if t != anchor[0]:
                mode = None
                continue
            if mode == "row" and r == anchor[1]:
                if _SHARE_WORDS_HEADER.match(block.text.strip()) and not duties:
                    mode = "column"  # "업무 | 비중" is a header row: duties are in the rows below
                    continue
                add(block.text, block)
            elif mode == "row" and r > anchor[1] and c == 0 and not duties:
                mode = "column"
                add(block.text, block)
                row_duty[(t, r)] = len(duties) - 1
            elif mode == "row":
                if c == 0:
                    mode = None  # the next labelled row
                else:
                    add(block.text, block)
            elif mode == "column":
                _, share = parse_share(block.text)
                if c != anchor[2] and share is not None and len(block.text) <= 12 and (t, r) in row_duty:
                    duties[row_duty[(t, r)]].share = share
                elif c == anchor[2]:
                    add(block.text, block)
                    row_duty[(t, r)] = len(duties) - 1
        else:
            mode = None
    return duties, section
