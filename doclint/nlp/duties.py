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
from doclint.nlp.title import names_a_job

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
        text = re.sub(r"[(\[（]\s*(?:약|about|approx\.?|approximately|around|ca\.|~)?\s*[)\]）]", "", text, flags=re.I)
        text = re.sub(r"(업무\s*)?비중\s*[:：]?\s*$|\b(about|approx\.?|approximately|around|roughly|~|약)\s*$", "", text.strip(), flags=re.I)
        text = re.sub(r"^\s*[:：\-–—]\s*|\s*[:：\-–—,(]\s*$", "", text.strip())
    return squash(text), share


def split_prose(text: str) -> list[str]:
    """Split one line of run-on prose into duty clauses (doclint.nlp.clauses, on spaCy/Kiwi)."""
    text = squash(text)
    stated = _stated_list(text)
    if stated:
        return stated
    if not _PROSE_HINT.search(text):
        return _noun_list(text.rstrip(" ."))  # a plain item: no analyser needed
    clauses = [c for c in (strip_lead_in(p) for p in split_clauses(text)) if not _NARRATION.match(c)]
    if len(clauses) == 1:  # the hint was a syllable ("입출고 대장"), not a connective: maybe a list
        return _noun_list(clauses[0].rstrip(" ."))
    return clauses


# "채용 후 담당 업무는 A, B, C입니다", "을의 업무는 A, B, 그리고 C으로 한다": the work stated as a list
_WORK_IS = re.compile(r"(?:업무|직무)(?:는|은)\s+(?P<list>[^.。]{8,}?)\s*(?:입니다|이다|이며|(?:으)?로\s*한다|임)\s*[.。]?")


def _stated_list(text: str) -> list[str]:
    """The items of a sentence that states the work as a comma list; parts before "X 등 Y" that
    are bare nouns ("수출입 계약서, 신용장, 선적서류 등 무역 서류의 번역") belong to it."""
    m = _WORK_IS.search(text)
    if not m:
        return []
    flat = re.sub(r"[(（][^()（）]*[)）]", lambda g: g.group(0).replace(",", "\0"), m.group("list"))
    parts = [p.strip().replace("\0", ",") for p in re.split(r",\s*(?:그리고\s+|및\s+)?", flat) if p.strip()]
    out: list[str] = []
    pending: list[str] = []
    for part in parts:
        if re.search(r"\s등(?:의)?\s", part):
            out.append(", ".join([*pending, part]))
            pending = []
        elif len(part.split()) <= 2 and not re.search(r"(?:관리|제작|개발|분석|작성|지원|통역|번역|설계|운영|수행|검토|조율|교육|상담)$", part):
            pending.append(part)
        else:
            out.extend(pending)
            pending = []
            out.append(part)
    out.extend(pending)
    return out if len(out) >= 2 else []


# "…에서 선임연구원으로 근무(하면서)": the clause that says where someone worked, not a task
_NARRATION = re.compile(r"^\S+(?:으로|로)\s*(?:재직|근무)\S*$")
# "수출입 통관 서류 작성, 해외 선사 부킹 및 선적 일정 관리, 화주 운임 정산": Korean tasks
# listed with commas; each part has two words or more ("React, Vue 기반 개발" stays one item)
_KO_TASK_LIST = re.compile(r"^[가-힣][^,]*\s[^,]+(?:,\s*[^,\s]+\s[^,]+)+$")


def _noun_list(text: str) -> list[str]:
    flat = re.sub(r"[(（][^()（）]*[)）]", lambda m: m.group(0).replace(",", "\0"), text)  # commas in brackets stay
    if HANGUL.match(text) and _KO_TASK_LIST.match(flat) and not re.search(r"\d,\d", flat):
        return [p.strip().replace("\0", ",") for p in flat.split(",")]
    return [text]


# "도면 검토 (Design of metro bogie frames and drawing review)": the translation in brackets
_TRANSLATED = re.compile(r"^(?P<ko>.*[가-힣].*?)\s*[(（](?P<en>[A-Za-z][^가-힣()（）]{12,})[)）]\s*$")
# "환자 진료 예약 및 일정 조율 / Appointment booking and scheduling": a bilingual item is read
# once, in the language written first
_BILINGUAL = re.compile(r"^(?P<first>.*[가-힣].*?)\s+/\s+(?P<second>[A-Za-z][^가-힣]*)$|^(?P<en>[A-Za-z][^가-힣]*?)\s+/\s+(?P<ko>.*[가-힣].*)$")


def _one_language(line: str) -> str:
    m = _BILINGUAL.match(line)
    if m:
        line = m.group("first") if m.group("first") else m.group("en")
    t = _TRANSLATED.match(line)
    if t and len(t.group("en").split()) >= 3:
        return t.group("ko")
    return line


@cache
def _about_duties() -> re.Pattern[str]:
    data = patterns.load("duties")["about_duties"]
    return re.compile("|".join(f"(?:{p})" for p in [*data["en"], *data["ko"]]), re.IGNORECASE)


def _continued(lines: list[str]) -> list[str]:
    """In a bulleted block, a line without a marker after a bulleted one continues it (a PDF cell
    wrapped "- 딜러 신규 개척 및" / "관리")."""
    if sum(1 for x in lines if LIST_MARKER.match(x)) < 2:
        return lines
    out: list[str] = []
    for line in lines:
        same_script = out and bool(HANGUL.search(line)) == bool(HANGUL.search(out[-1]))  # not its translation
        if same_script and line.strip() and not LIST_MARKER.match(line) and LIST_MARKER.match(out[-1]) and not heading_kind(line):
            out[-1] = out[-1].rstrip() + ("" if out[-1].endswith("-") else " ") + line.strip()
        else:
            out.append(line)
    return out


def _items(text: str, marked: bool = False) -> list[tuple[str, float | None]]:
    """Duty items of a block: a bullet or numbered item is one duty; prose is split."""
    out: list[tuple[str, float | None]] = []
    lines = _continued(text.split("\n"))
    for n, line in enumerate(lines):
        if n == 0 and len(lines) > 1 and _LEAD_END.search(line) and any(LIST_MARKER.match(x) for x in lines[1:]):
            continue  # "Mr. Chen will join our team and will:" above its bullets
        found = heading_kind(line)
        if found and not found[1].strip():
            continue  # "Duties" under "담당업무": the heading's other-language name, not a duty
        one_item = marked or bool(LIST_MARKER.match(line))
        line = _one_language(strip_marker(line))
        if not line:
            continue
        for part in (_stated_list(squash(line)) or [squash(line)]) if one_item else split_prose(line):
            part, share = parse_share(strip_marker(part))
            part = _LIST_GLUE.sub("", part)
            if _about_duties().search(part) or part.rstrip().endswith((":", "：")):
                continue  # "shall perform his duties diligently …", "The Employee shall:": not a duty
            if len(part) >= 2 and not re.fullmatch(r"[\W\d_]+", part):
                out.append((part, share))
    return out


def find_duties(blocks: list[Block]) -> tuple[list[Duty], Span | None]:
    blocks = [b for b in blocks if b.kind not in ("header", "footer")]
    duties, section = _sectioned_duties(blocks)
    if not duties:
        duties = _prose_duties(blocks)
    return duties, section


# a paragraph that talks about someone's work: a pronoun or name with a verb, or duty words
_WORK_TALK = re.compile(
    r"(?i:\b(?:he|she|they|mr\.?|ms\.?|mrs\.?|dr\.?)\b[^.]{0,40}\b(?:[a-z]{3,}ed|built|ran|led|made|wrote|drew|taught|oversaw|kept|set|took|gave|met|dealt|sold|bought|brought|began|held)\b"
    r"|\b(?:responsib\w*|duties|tasks|in\s+charge\s+of)\b)"
    r"|(?:담당|수행|맡|업무)")


# clauses that describe the person or the letter, not a task: "His Korean is excellent",
# "I am the Principal …", "있습니다", "joined us as …"
_NOT_A_TASK = re.compile(
    r"^(?:(?i:i|we|his|her|their|this|a\s+signed|he\s+(?:is|was|has\s+been)|she\s+(?:is|was|has\s+been))\b"
    r"|(?i:joined|started|was\s+made|was\s+promoted)\b|있습니다$|[가-힣]{1,4}$)"
    r"|(?:지\s*않(?:습니다|는다|음)|수\s*없(?:습니다|다|음))\s*[.。]?$")  # what the person will not do


def _prose_duties(blocks: list[Block]) -> list[Duty]:
    """No duty heading: the paragraph that narrates the person's tasks ("During her employment
    she handled …, negotiated …, and coordinated …", "…씨는 A와 B 업무를 담당한다") holds the
    duties. Of the paragraphs that talk about work, the one whose clauses read most like tasks
    (doclint.nlp.meaning) wins; clauses that do not read like a task (praise, the company's
    history) are left out."""
    from doclint.nlp import meaning

    candidates: list[tuple[Block, list[tuple[str, float | None]]]] = []
    for block in blocks:
        if block.table is not None or len(block.text) < 40 or heading_kind(block.text):
            continue
        stated = _stated_list(squash(block.text))
        if stated:  # "담당 업무는 A, B, C입니다": the document says which its duties are
            return [Duty(t, sh, Location(block.line, block.page), None) for t, sh in map(parse_share, stated)]
        if not (_PROSE_DUTY.search(block.text) or _WORK_TALK.search(block.text)):
            continue
        items = [parse_share(p) for p in split_prose(block.text)]
        items = [(t, sh) for t, sh in items if len(t) >= 4]
        if len(items) >= 2:
            candidates.append((block, items))
        if len(candidates) >= 12:
            break
    if not candidates:
        return []
    th = meaning.thresholds()
    texts = [t for _, items in candidates for t, _ in items]
    task = meaning.duty_likeness(texts)
    best: tuple[float, Block, list[tuple[str, float | None]]] | None = None
    k = 0
    for block, items in candidates:
        scores = task[k: k + len(items)]
        k += len(items)
        kept = [(item, score) for item, score in zip(items, scores, strict=True)
                if score >= th["prose_item"] and not _NOT_A_TASK.search(item[0]) and not _about_duties().search(item[0])]
        if len(kept) < 2:
            continue
        mean = sum(score for _, score in kept) / len(kept)
        if best is None or mean > best[0]:
            best = (mean, block, [item for item, _ in kept])
    if best is None or best[0] < th["prose"]:
        return []
    _, block, items = best
    return [Duty(t, sh, Location(block.line, block.page), None) for t, sh in items]


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
    # a label row ("| 담당업무 | 웹 개발 … |", also behind a merged "| 경력사항 |" cell) has content
    # to its right; a header row ("| 구분 | 담당업무 | 비중 |") has only other headers there
    right = [c for c in cols if c > c0 and others.get(c)]
    header_row = not right or all(_header_kind(others[c]) or _share_column(grid, r0, c) for c in right)
    if not header_row:
        for c in cols:
            if c > c0 and not names_a_job(grid[(r0, c)].text):  # "| 업무 | 사회과학 연구원 |": the job, not its work
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
    share_cols = [c for c, t in others.items() if _header_kind(t) == "share" or _share_column(grid, r0, c)]
    last_row = max(r for r, _ in grid)
    for r in range(r0 + 1, last_row + 1):
        label = grid.get((r, 0))
        if label is not None and duty_col != 0:
            found = heading_kind(label.text)
            if found and found[0] != "duties":
                break  # "| 연봉 | …": a labelled row after the duty rows
        cell = grid.get((r, duty_col))
        if cell is None or not cell.text.strip() or _header_kind(cell.text) == "total":
            continue  # "| 합계 | 100 |" adds up the shares
        if duty_col == 0 or c0 == 0:
            found = heading_kind(cell.text)
            if found and found[0] != "duties" and not any(parse_share(grid[(r, c)].text)[1] for c in share_cols if (r, c) in grid):
                break
        share = None
        for c in share_cols or [c for c in cols if c not in (duty_col, c0)]:
            if (r, c) in grid and len(grid[(r, c)].text.strip()) <= 12:
                value = grid[(r, c)].text.strip()
                share = parse_share(value)[1] if c not in share_cols else _cell_share(value)
                if share is not None:
                    break
        lines = [x for x in cell.text.split("\n") if x.strip()]
        if share is not None and not any(LIST_MARKER.match(x) for x in lines[1:]):
            # one share for the row: its cell is one duty, whatever lines a PDF wrapped it into
            # (a bilingual cell's lines are the duty twice: "ko / en", read once by _one_language)
            by_script: dict[bool, list[str]] = {}
            for x in lines:
                by_script.setdefault(bool(HANGUL.search(x)), []).append(x.strip())
            add(" / ".join(" ".join(group) for group in by_script.values()), cell, share, one=True)
        else:
            add(cell.text, cell, share)


def _share_column(grid: Grid, r0: int, c: int) -> bool:
    """A column under a header the word lists do not know ("Share of time", "투입률") whose
    cells below are mostly time shares: "40%", "35", "주 2일"."""
    cells = [squash(b.text) for (r, col), b in grid.items() if col == c and r > r0 and b.text.strip()]
    shares = [t for t in cells if len(t) <= 12 and (_cell_share(t) is not None or re.fullmatch(r"\d{1,3}", t))]
    return len(cells) >= 2 and len(shares) * 2 > len(cells)


def _cell_share(text: str) -> float | None:
    """A share column's cell: "40%", "주 2일", or a bare "35" under "비중(%)" / "Share of time"."""
    if re.fullmatch(r"\d{1,3}", text) and 0 < int(text) <= 100:
        return int(text) / 100
    return parse_share(text)[1]


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


# A heading or lead-in by its form: a short numbered/bracketed/heading line, or a sentence that
# ends by introducing what follows ("… the following:", "업무는 다음과 같다.", "… were:").
_LEAD_END = re.compile(
    r"(?:[:：]|(?:다음|아래)(?:\s*각\s*호)?[와과]\s*같(?:다|음|습니다|이)|as\s+follows|the\s+following"
    r"|(?:다음|아래)(?:\s*각\s*호)?의?\s*(?:업무|직무|사항|일)[을를]?\s*(?:담당|수행|맡)[가-힣]*)\s*[.。]?\s*$", re.I)


# a lead-in that names what it introduces: duties, by its own words
_DUTY_LEAD = re.compile(
    r"(?:(?:다음|아래)(?:\s*각\s*호)?의?\s*(?:업무|직무)|(?:업무|직무)(?:는|은)\s*(?:다음|아래)(?:\s*각\s*호)?[와과]?\s*같)"
    r"|(?i:\b(?:duties|responsibilities|tasks)\b[^.]{0,40}(?:[:：]|as\s+follows)\s*$)")


def _scheme(block: Block) -> tuple[str, int] | None:
    """The numbering of a block: ("num", 3) for "3.", ("circled", 2) for "②", ("article", 6) for
    "제6조", … — to tell an item from the next clause or section at the opener's own level."""
    text = (block.marker or "") + " " + block.text if block.marker else block.text
    text = text.lstrip()
    for name, regex in _SCHEMES:
        m = regex.match(text)
        if m:
            g = m.group(1)
            if name == "circled":
                return name, ord(g) - 0x245F
            if name in ("ganada", "alpha"):
                return name, (_GANADA.index(g) + 1) if name == "ganada" else ord(g) - 96
            if name == "roman":
                return name, len(g)
            return name, int(g)
    return None


_GANADA = "가나다라마바사아자차카타파하"
_SCHEMES = (
    ("article", re.compile(r"제\s*(\d+)\s*조")),
    ("circled", re.compile(r"([①-⑳])")),
    ("paren", re.compile(r"\((\d{1,2})\)")),
    ("num", re.compile(r"(\d{1,2})\.(?!\d)")),
    ("numparen", re.compile(r"(\d{1,2})\)")),
    ("ganada", re.compile(r"([가-하])[.)]")),
    ("alpha", re.compile(r"([a-z])[.)]\s")),
    ("roman", re.compile(r"([IVX]{1,4})\.\s")),
)
_HEAD_FORM = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\d{1,2}\.\d{1,2}\.?|[IVX]{1,4}\.|제\s*\d+\s*조|[가-하][.)]|[\[【<(（]|(?i:article|section|clause)\s+\d+)")
_SENTENCE_STOP = re.compile(r"(?<=[.!?。])\s+")


def _form(block: Block) -> str | None:
    """The text to read for meaning when the block has the form of a heading or lead-in."""
    first = block.text.split("\n", 1)[0].strip()
    if not first or block.kind in ("header", "footer"):
        return None
    if _LEAD_END.search(first) and len(first) <= 300:
        # the sentence that leads in, from its last clause: "근로자는 …팀에 소속되어 다음 각 호의
        # 업무를 수행한다" reads as what it introduces, not as the company it names
        return re.split(r"[,，]\s+", _SENTENCE_STOP.split(first)[-1])[-1]
    if len(first) <= 50 and (block.kind == "heading" or _HEAD_FORM.match(first)) and not re.search(r"[.。]\s*$|[다함음]\s*$", first):
        return first
    return None


def _semantic_kinds(blocks: list[Block]) -> dict[int, tuple[str, bool]]:
    """Block index → (role, is a lead-in) for the heading- and lead-in-shaped blocks whose
    regex heading kind is unknown, read by meaning (doclint.nlp.meaning)."""
    from doclint.nlp import meaning

    todo = {i: text for i, b in enumerate(blocks) if heading_kind(b.text) is None and (text := _form(b))}
    out: dict[int, tuple[str, bool]] = {}
    for i, text in list(todo.items()):
        if _DUTY_LEAD.search(text):  # "…다음 각 호의 업무를 수행한다", "… responsibilities were:"
            out[i] = ("duties", True)
            del todo[i]
    if not todo:
        return out
    th = meaning.thresholds()
    for i, c in zip(todo, meaning.closeness(list(todo.values())), strict=True):
        if c.score >= th["heading"] and c.margin >= th["heading_margin"]:
            out[i] = (c.role, bool(_LEAD_END.search(todo[i])))
    return out


# "간호사 - 병원이 지시하는 업무", "조경설계 기술자 - 공동주택·공원 조경 설계": the standard form's
# one line names the job, then the work; the job is the title, the work the duty
_JOB_HEAD = re.compile(r"^(?P<job>[^-–—:：]{2,25}?|[^-–—:：]{2,50}?\s/\s[^-–—:：]{2,30}?)\s+[-–—]\s+(?P<work>\S.*)$")


_JOB_PAREN = re.compile(r"^(?P<job>[^()（）]{2,20}?)\s*[(（](?P<work>[^()（）]{4,})[)）]\s*$")  # "사무원 (해외 바이어 응대)"


def _work_of(text: str) -> str:
    first, _, more = text.partition("\n")
    m = _JOB_HEAD.match(first.strip()) or _JOB_PAREN.match(first.strip())
    if m and not re.search(r"(?:개발|관리|작성|운영|설계|분석|지원|수행|처리)$", m.group("job").strip()):
        first = m.group("work")
    return first + ("\n" + more if more else "")


_POSITION = re.compile(r"(?i:position|job\s+title|title|designation|직\s*위|직\s*책)")


def _names_the_job(block: Block, grids: dict[int, Grid]) -> bool:
    """A table label read as a duty heading ("직무") that names the job: its other-language name
    says position, or the cell beside it is a short name, not tasks."""
    label = block.text.split("\n", 1)[0]
    if _POSITION.search(label):
        return True
    t, r, c = block.table  # type: ignore[misc]
    value = grids[t].get((r, c + 1))
    if value is None or "\n" in value.text.strip() or not re.fullmatch(r"\s*직\s*무\s*(?:명)?\s*", label):
        return False
    text = squash(value.text)
    return len(text) <= 30 and not re.search(r"(?:개발|관리|작성|운영|설계|분석|지원|수행|처리|담당)\s*$|[다함음]\.?$", text)


_OPEN_END = re.compile(r"(?:및|와|과|,|、|(?i:\band|\bor|&))\s*$")


# a form's label cell as OCR reads it: its other-language name misread as a few stray characters
_OCR_NOISE = re.compile(r"(?<=[가-힣])(?:\s+[^\s가-힣]{1,4}){1,2}\s*$")


def _ocr_tail_line(text: str) -> bool:
    """A recognised line that can continue a duty cell: words, not a sentence, label or noise."""
    text = squash(text)
    words = text.split()
    if not words or len(text) > 120 or heading_kind(text) or re.search(r"[다음]\.\s*$|[:：]", text):
        return False
    real = [w for w in words if len(re.findall(r"[가-힣]", w)) >= 2 or len(re.findall(r"[A-Za-z]", w)) >= 3]
    return len(real) >= max(1, (len(words) + 1) // 2)


def _sectioned_duties(blocks: list[Block]) -> tuple[list[Duty], Span | None]:
    duties: list[Duty] = []
    section: Span | None = None
    mode: str | None = None  # None | "list"
    grids = _grids(blocks)
    done_tables: dict[int, int] = {}  # table → where its duties start in `duties`

    schemes: list[tuple[str, int] | None] = []  # the numbering of the block each duty came from
    sources: list[Block] = []  # the block each duty came from
    opener: tuple[str, int] | None = None  # the numbering of the heading or lead-in of the list

    def add(text: str, block: Block, share: float | None = None, prose: bool = False, one: bool = False) -> list[Duty]:
        marked = one or (not prose and (block.kind == "list_item" or bool(block.marker) or "\n" in text))
        new = [
            Duty(item, item_share if item_share is not None else share, Location(block.line, block.page), section.text if section else None)
            for item, item_share in _items(text, marked)
        ]
        duties.extend(new)
        schemes.extend([_scheme(block)] * len(new))
        sources.extend([block] * len(new))
        return new

    marked = False  # the current list is made of bullets/numbers: an unmarked line ends it
    opened_at = 0  # len(duties) when the current duty heading opened its list
    inline_clause = False
    semantic = _semantic_kinds(blocks)
    for i, block in enumerate(blocks):
        if block.table is not None and block.table[0] in done_tables:
            t = block.table[0]
            found = heading_kind(block.text)
            if not (found and found[0] == "duties" and len(_items(found[1], True)) > max(1, len(duties) - done_tables[t])):
                continue
            # "| 직무 : 딜러영업 담당 |" then "| 담당업무 : - … - … |": the list is the duties, the
            # short value above it named the job
            del duties[done_tables[t]:], schemes[done_tables[t]:], sources[done_tables[t]:]
            add(found[1], block)
            continue
        found = heading_kind(block.text)
        if not found and block.ocr and block.table is not None:
            found = heading_kind(_OCR_NOISE.sub("", block.text))  # "업무 105": OCR misread "Job"
        if not found and i in semantic:
            role, lead_in = semantic[i]
            in_list_item = mode == "list" and duties and _is_marked(block) and not lead_in
            if role == "duties" and not in_list_item:
                found = ("duties", "")
            elif role != "duties" and (mode == "list" or not in_list_item):
                found = ("posting" if role == "posting" else "other", "")
        if found:
            kind, rest = found
            if kind == "duties" and block.table is not None and _names_the_job(block, grids):
                kind = "other"  # "| 직무 / Position | 카지노 딜러 |": the job's name, not its duties
            if kind == "duties":
                scheme = _scheme(block)
                if mode == "list" and scheme is not None and _LEAD_END.search(block.text.split("\n", 1)[0]):
                    # "② 을이 담당하는 업무는 다음과 같다." under "제6조 (직위 및 담당업무)": the
                    # clauses numbered like this lead-in (① 을은 …로 근무하며) were not duties
                    keep = [k for k, sc in enumerate(schemes) if sc is None or sc[0] != scheme[0]]
                    duties[:] = [duties[k] for k in keep]
                    schemes[:] = [schemes[k] for k in keep]
                    sources[:] = [sources[k] for k in keep]
                if scheme is not None or not (mode == "list" and not duties):
                    opener = scheme  # a lead-in right under "1. Position and duties" keeps its number
                section = Span(block.text.split("\n", 1)[0].strip(), block.location)
                marked = False
                opened_at = len(duties)
                if block.table is not None:
                    t, r, c = block.table
                    before = len(duties)
                    if rest:
                        add(rest, block, prose=True)
                    _table_duties(grids[t], r, c, add)
                    if len(duties) > before:
                        done_tables[t] = before
                        # OCR breaks a tall cell into the row and plain lines under it
                        mode = "ocr_tail" if block.ocr else None
                        continue
                    mode = "list"  # "| 담당업무 | 아래와 같음 |": the list may follow the table
                    continue
                mode = "list"
                # "3. 업무의 내용 : …" holds its duties; a numbered line after it is the next clause
                inline_clause = bool(rest) and _numbered(block)
                if rest:
                    add(_work_of(rest), block, prose=True)  # "5. 담당업무: …하고, …하며"
                continue
            mode = None
            continue
        if mode == "ocr_tail":
            if block.table is not None or not _ocr_tail_line(block.text):
                mode = None
                continue
            if duties and _OPEN_END.search(duties[-1].text):  # "…화물 운영 및" + "일정 관리"
                duties[-1].text = f"{duties[-1].text} {squash(block.text)}"
            else:
                add(block.text, block)
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
        scheme = _scheme(block)
        last = next((sc for sc in reversed(schemes) if sc is not None and sc[0] == opener[0]), None) if opener else None
        if (opener is not None and scheme is not None and scheme[0] == opener[0] and scheme[1] > opener[1]
                and not (last is not None and scheme[1] == last[1] + 1)):
            mode = None  # "③ …" after "② …업무는 다음과 같다", "3. Term" after "2. Duties": the next clause
            continue
        # an unmarked line right under a list item: its translation, or its wrapped end
        under_item = bool(duties) and not _is_marked(block) and sources[-1] is not block and _is_marked(sources[-1])
        if under_item and _translation_of(block.text, sources[-1].text):
            continue  # "1. 수출 오더 접수 …" then "Handling export orders …": the item again
        if under_item and _wrapped_on(duties[-1].text, block.text):
            # "• Reviewed … safety reviews for" / "plant modifications and turnarounds.": the item goes on
            duties[-1].text = f"{duties[-1].text} {parse_share(squash(block.text).rstrip('. '))[0]}".strip()
            continue
        if duties and marked and not _is_marked(block):
            mode = None  # a paragraph after the bullets: the list is over
            continue
        if not duties and not _is_marked(block) and _INTRO.search(block.text):
            continue  # "The Employee shall perform the following duties:" introduces the list
        marked = marked or (_is_marked(block) and len(duties) == opened_at) or (marked and _is_marked(block))
        add(block.text, block)
    return _nested(duties, schemes, sources), section


def _wrapped_on(item: str, line: str) -> bool:
    """An unmarked line that continues the item above it: the item stops mid-sentence ("… for",
    "… 운전 및") and the line goes on in lower case or in Korean, not as a sentence of its own."""
    line = squash(line)
    if not line or len(line) > 200 or heading_kind(line):
        return False
    if re.search(r"[.;:!?。]\s*$|[다음함]\s*$", item):
        return False
    if line[0].islower():
        return bool(re.search(r"[A-Za-z,]\s*$", item))
    return bool(HANGUL.match(line) and _OPEN_END.search(item))


def _translation_of(text: str, item: str) -> bool:
    """An unmarked line right under a list item, in the other script and of a like length: the
    item's translation in a bilingual list."""
    text, item = squash(text), squash(strip_marker(item))
    if not text or bool(HANGUL.search(text)) == bool(HANGUL.search(item)) or (HANGUL.search(text) and re.search(r"[A-Za-z]{3}", text)):
        return False
    return 0.4 <= len(text) / max(len(item), 1) <= 4.0


def _nested(duties: list[Duty], schemes: list[tuple[str, int] | None], sources: list[Block]) -> list[Duty]:
    """"가. 테스트 프로그램 개발 (40%)" with "- …" points under it, or a Word list's deeper level
    under its parent: the points belong to their parent, whose share is theirs too. One duty each:
    "parent: point; point". Only when two numbered parents or more each hold points (one
    numbered line over bullets is a heading)."""
    top = next((sc[0] for sc in schemes if sc is not None), None)  # "1." over "a.", "가." over "-"

    def level(k: int) -> int:
        block = sources[k]
        if block.list_level is not None:
            return block.list_level
        return 0 if schemes[k] is not None and schemes[k][0] == top else 1  # type: ignore[index]

    parents = [k for k in range(len(duties)) if level(k) == 0]
    children = {k: [c for c in range(k + 1, len(duties)) if c not in parents
                    and all(level(m) > 0 for m in range(k + 1, c + 1))] for k in parents}
    if len(parents) < 2 or not all(children.values()):
        return duties  # "(1) 직종 … (2) 직위 …" then bullets: fields, not areas of work
    out: list[Duty] = duties[: parents[0]]  # lines before the first parent stay as they are
    for k in parents:
        points = [duties[c].text for c in children[k]]
        parent = duties[k]
        text = f"{parent.text.rstrip(' :：')}: {'; '.join(points)}" if points else parent.text
        share = parent.share if parent.share is not None else (sum(duties[c].share or 0 for c in children[k]) or None)
        out.append(Duty(text, share, parent.location, parent.section))
    return out
