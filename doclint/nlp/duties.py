"""Duties: the job-duty items of a document, each with its time share when one is stated.

Duties are read from under a duty heading (담당업무, 업무내용, Duties, Responsibilities …) as
bullets, numbered items, lines, table cells (a "담당업무 | …" row or a "업무 | 비중" column), or
run-on prose split into clauses. A posting heading (우대사항, Requirements) or a signature block
ends the list: what stands there is not a duty."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from doclint.model import Block, Duty, Location, Span
from doclint.nlp import patterns
from doclint.nlp.clauses import split_clauses, strip_lead_in
from doclint.nlp.layout import is_marked as _is_marked
from doclint.nlp.sections import heading_kind
from doclint.nlp.text import HANGUL, LIST_MARKER, squash, strip_marker

# Korean clause endings that join duties in prose: …을 개발하고, …을 유지보수하며, …을 지원함
# a paragraph that narrates duties: a letter's "she handled …", a statement's "담당업무는 …을 개발하고"
_PROSE_DUTY = re.compile(r"^(?:(?:During|In|While|Throughout)\b[^,]{0,60}?,?\s+)?(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?:(?i:he|she|they)|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+(?:was\s+responsible\s+for|was\s+in\s+charge\s+of|[a-z]+ed)\s|(?:업무|직무)(?:는|로|를)\s|^(?:(?:His|Her|Their|The)\s+(?:main\s+)?(?:duties|responsibilities|tasks)\s+(?:included|include|were|are|consisted\s+of))\s|(?:재직|근무)\s*(?:기간|중)\s*(?:동안|에)?\s|(?:[가-힣](?:고|며)\s*,?\s+\S.*){2,}")
# what joins the items of a legal-style list: "(a) …; (b) …; and (c) …."
_LIST_GLUE = re.compile(r"(?:\s*[;,]\s*(?:and|or|및|또는)|\s*[;.。,])+\s*$", re.IGNORECASE)
_PROSE_HINT = re.compile(r"(?:[가-힣](?:고|며|거나|면서)\s*,?\s+\S)|[,;]\s*(?:and\s+)?[a-z]+(?:ed|s)?\s|\s(?:and|&)\s+[a-z]+ed\s|(?:[가-힣](?:함|합니다|했습니다|하였음)\s*\.?\s*$)|[.!?]\s+\S|^(?:(?:During|In|While)\s|(?:He|She|They|Mr|Ms|Mrs)\b)")
# a line that introduces the list below it: "… the following duties:", "업무는 다음과 같다."
_INTRO = re.compile(r"(?:[:：]|다음과\s*같(?:다|음|습니다)\.?)\s*$")
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
        return _noun_list(text.rstrip(" ."))  # a plain item: no analyser needed
    return [c for c in (strip_lead_in(p) for p in split_clauses(text)) if not _NARRATION.match(c)]


# "…에서 선임연구원으로 근무(하면서)": the clause that says where someone worked, not a task
_NARRATION = re.compile(r"^\S+(?:으로|로)\s*(?:재직|근무)\S*$")
# "수출입 통관 서류 작성, 해외 선사 부킹 및 선적 일정 관리, 화주 운임 정산": Korean tasks
# listed with commas; each part has two words or more ("React, Vue 기반 개발" stays one item)
_KO_TASK_LIST = re.compile(r"^[가-힣][^,]*\s[^,]+(?:,\s*[^,\s]+\s[^,]+)+$")


def _noun_list(text: str) -> list[str]:
    if HANGUL.match(text) and _KO_TASK_LIST.match(text) and not re.search(r"\d,\d", text):
        return [p.strip() for p in text.split(",")]
    return [text]


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
            part = _LIST_GLUE.sub("", part)
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


Grid = dict[tuple[int, int], Block]  # (row, column) → cell of one table


def _grids(blocks: list[Block]) -> dict[int, Grid]:
    grids: dict[int, Grid] = {}
    for b in blocks:
        if b.table is not None:
            grids.setdefault(b.table[0], {})[(b.table[1], b.table[2])] = b
    return grids


def _table_duties(grid: Grid, r0: int, c0: int, add: Callable[..., list[Duty]]) -> None:
    """Duties of a table whose cell (r0, c0) is a duty heading.

    - "| 담당업무 | 웹 개발 … |": the heading labels its row; the value cells are the duties,
      and so are following rows with an empty label cell.
    - "| 담당업무 | 비중 |" / "| 구분 | 담당업무 |" / "| 담당업무 | 내용 |": a header row; the
      duties are the cells below, in the heading's column (or the content column), and a short
      share cell on the same row ("60%", "주 2일") is that duty's share."""
    cols = sorted(c for r, c in grid if r == r0)
    others = {c: squash(grid[(r0, c)].text) for c in cols if c != c0}
    header_row = c0 > 0 or (others and all(_header_kind(t) for t in others.values()))
    if not header_row:
        for c in cols:
            if c > c0:
                add(grid[(r0, c)].text, grid[(r0, c)])
        r = r0 + 1
        # an empty label cell (a reader may not emit it at all) continues the duty rows
        while ((r, c0) not in grid or not grid[(r, c0)].text.strip()) and any((r, c) in grid for c in cols if c > c0):
            for c in cols:
                if c > c0 and (r, c) in grid:
                    add(grid[(r, c)].text, grid[(r, c)])
            r += 1
        return
    duty_col = next((c for c, t in others.items() if _header_kind(t) == "content"), c0)
    share_cols = [c for c, t in others.items() if _header_kind(t) == "share"]
    last_row = max(r for r, _ in grid)
    for r in range(r0 + 1, last_row + 1):
        label = grid.get((r, 0))
        if label is not None and duty_col != 0:
            found = heading_kind(label.text)
            if found and found[0] != "duties":
                break  # "| 연봉 | …": a labelled row after the duty rows
        cell = grid.get((r, duty_col))
        if cell is None or not cell.text.strip():
            continue
        if duty_col == 0 or c0 == 0:
            found = heading_kind(cell.text)
            if found and found[0] != "duties" and not any(parse_share(grid[(r, c)].text)[1] for c in share_cols if (r, c) in grid):
                break
        share = None
        for c in share_cols or [c for c in cols if c not in (duty_col, c0)]:
            if (r, c) in grid and len(grid[(r, c)].text.strip()) <= 12:
                share = parse_share(grid[(r, c)].text)[1]
                if share is not None:
                    break
        add(cell.text, cell, share)


@cache
def _table_headers() -> dict[str, re.Pattern[str]]:
    data = patterns.load("sections")["table_headers"]
    return {kind: re.compile(rf"^(?:{'|'.join(words)})\s*$", re.IGNORECASE) for kind, words in data.items()}


def _header_kind(text: str) -> str | None:
    """"share" for 비중 / Share / %, "content" for 내용 / Description, else None."""
    text = squash(text)
    # "비중 / Share", "내용 (Description)": either name of a bilingual header will do
    parts = [text, *(p.strip() for p in re.split(r"\s*[/(（)）]\s*", text) if p.strip())]
    return next((kind for part in parts for kind, regex in _table_headers().items() if regex.match(part)), None)


_NUMBERED = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|제\s*\d+\s*조)")


def _numbered(block: Block) -> bool:
    return bool(_NUMBERED.match(block.marker or "") or _NUMBERED.match(block.text))


def _sectioned_duties(blocks: list[Block]) -> tuple[list[Duty], Span | None]:
    duties: list[Duty] = []
    section: Span | None = None
    mode: str | None = None  # None | "list"
    grids = _grids(blocks)
    done_tables: set[int] = set()

    def add(text: str, block: Block, share: float | None = None, prose: bool = False) -> list[Duty]:
        marked = not prose and (block.kind == "list_item" or bool(block.marker) or "\n" in text)
        new = [
            Duty(item, item_share if item_share is not None else share, Location(block.line, block.page), section.text if section else None)
            for item, item_share in _items(text, marked)
        ]
        duties.extend(new)
        return new

    marked = False  # the current list is made of bullets/numbers: an unmarked line ends it
    inline_clause = False
    for block in blocks:
        if block.table is not None and block.table[0] in done_tables:
            continue
        found = heading_kind(block.text)
        if found:
            kind, rest = found
            if kind == "duties":
                section = Span(block.text.split("\n", 1)[0].strip(), block.location)
                marked = False
                if block.table is not None:
                    t, r, c = block.table
                    before = len(duties)
                    if rest:
                        add(rest, block, prose=True)
                    _table_duties(grids[t], r, c, add)
                    if len(duties) > before:
                        done_tables.add(t)
                        mode = None
                        continue
                    mode = "list"  # "| 담당업무 | 아래와 같음 |": the list may follow the table
                    continue
                mode = "list"
                # "3. 업무의 내용 : …" holds its duties; a numbered line after it is the next clause
                inline_clause = bool(rest) and _numbered(block)
                if rest:
                    add(rest, block, prose=True)  # "5. 담당업무: …하고, …하며"
                continue
            mode = None
            continue
        if mode != "list":
            continue
        if block.kind == "heading" or (block.table is not None and duties):
            mode = None
            continue
        if block.table is not None:
            continue
        if inline_clause and _numbered(block):
            mode = None
            continue
        if duties and marked and not _is_marked(block):
            mode = None  # a paragraph after the bullets: the list is over
            continue
        if not duties and not _is_marked(block) and _INTRO.search(block.text):
            continue  # "The Employee shall perform the following duties:" introduces the list
        marked = marked or (_is_marked(block) and not duties) or (marked and _is_marked(block))
        add(block.text, block)
    return duties, section
