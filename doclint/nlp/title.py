"""The job title as written, with rank words (과장, 대리, Senior, Lead) kept apart."""

from __future__ import annotations

import re
from functools import cache

from doclint.model import Block, Title
from doclint.nlp import patterns
from doclint.nlp.sections import heading_kind
from doclint.nlp.text import LIST_MARKER, squash, word_pattern

_SEP = r"\s*(?:[:：]|\s-\s|\|)\s*"


@cache
def _compiled(tier: str = "labels") -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], set[str]]:
    data = patterns.load("titles")
    labels = data[tier]["ko"] + data[tier]["en"]
    label_alt = "|".join(f"(?:{x})" for x in sorted(labels, key=len, reverse=True))
    # any label of a title or rank, as the partner of this tier's label in a bilingual or joined
    # label: "직종 / Job Title", "직종 및 직위 / Job Title & Grade"
    every = [x for t in ("labels", "fallback_labels", "occupation_labels") for lang in ("ko", "en") for x in data[t][lang]]
    every += data["unit_labels"]  # "소속 / 직위": the unit's label beside the title's
    any_alt = "|".join(f"(?:{x})" for x in sorted([*every, *data["rank_labels"]], key=len, reverse=True))
    partner = rf"(?:{any_alt})(?:\s*(?:및|&|and|,)\s*(?:{any_alt}))*"
    # "직위: X", "직책/직위 : X", "Position / 직위: X", "직위 (Position): X", "Position (직위): X"
    label = (rf"(?:{partner}\s*(?:및|&|and|,)\s*)?(?:{label_alt})(?:\s*(?:및|&|and|,)\s*{partner})?"
             rf"(?:\s*[/·]\s*{partner}|\s*[(（]\s*{partner}\s*[)）]|(?<=[가-힣])\s+(?:{label_alt}))*")
    label = rf"(?:(?:{partner})\s*[/·]\s*)?{label}"
    inline = re.compile(rf"^\s*(?:[\[(【]?\s*)?{label}\s*[\])】]?{_SEP}(?P<value>.+)$", re.IGNORECASE)
    label_only = re.compile(rf"^\s*{label}\s*[:：]?\s*$", re.IGNORECASE)
    ranks = data["ranks"]["ko"] + data["ranks"]["en"]
    rank_re = re.compile(word_pattern(ranks), re.IGNORECASE)
    alone = {w.lower() for w in data["rank_is_title_when_alone"]}
    return inline, label_only, rank_re, alone


def split_rank(title: str) -> tuple[str, str | None]:
    """('Backend Engineer', 'Senior') from 'Senior Backend Engineer'; ('해외영업', '과장') from
    '과장 / 해외영업'; ('웹 개발자', '대리') from '웹 개발자 (대리)'; ('연구원 (환경공학)', '선임')
    from '선임 연구원 (환경공학)'. A rank word that is also a job (연구원, Associate) stays when
    nothing else names the job."""
    _, _, rank_re, alone = _compiled()
    text = squash(title)
    if _compounds().fullmatch(text):
        return text, None  # "Staff Nurse": the rank word belongs to the occupation's name
    ranks: list[str] = []

    def paren(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        if rank_re.fullmatch(inner):
            ranks.append(inner)
            return ""
        return m.group(0)

    text = squash(re.sub(r"\s*[(（]\s*([^()（）]*?)\s*[)）]", paren, text))
    kept: list[str] = []
    for part in (p.strip() for p in re.split(r"\s*[/|,]\s*", text)):
        if not part:
            continue
        if rank_re.fullmatch(part):
            ranks.append(part)
            continue
        glued = _glued().match(part)
        if glued:  # "책임연구원": the rank glued to the job
            ranks.append(glued.group(1))
            part = part[glued.end(1):]
        while True:  # rank words at the start or end of the part: "Senior … Engineer", "… 과장"
            m = rank_re.match(part)
            rest = part[m.end():].strip() if m else ""
            if m and m.group().lower() in alone and re.fullmatch(r"[(（].*[)）]", rest):
                break  # "연구원 (환경공학)": the rank word is the job, qualified
            if m and m.end() < len(part) and part[m.end()] == " ":
                ranks.append(m.group())
                part = part[m.end():].strip()
                continue
            m2 = re.search(rf"\s({rank_re.pattern})$", part, re.IGNORECASE)
            if m2 and m2.group(1).lower() not in alone:
                ranks.append(m2.group(1))
                part = part[: m2.start()].strip()
                continue
            break
        kept.append(part)
    if not kept:  # only rank words: a rank that is also a job is the title
        jobs = [r for r in ranks if r.lower() in alone]
        if jobs:
            return jobs[-1], " ".join(r for r in ranks if r != jobs[-1]) or None
        return title.strip(), None
    return " / ".join(kept).strip(" ,/"), _join_ranks(ranks)


def _join_ranks(ranks: list[str]) -> str | None:
    """"대리 / Assistant Manager": a rank given in both languages reads as one, once each."""
    ko = [r for r in ranks if re.search(r"[가-힣]", r)]
    en = [r for r in ranks if r not in ko]
    return " / ".join(" ".join(group) for group in (ko, en) if group) or None


_CODE_NOTE = re.compile(r"\s*[(（]?\s*(?:E\s*-\s*7\s*-\s*\w\s*[,/]?\s*)?S?\d{3,5}\s*[)）]?\s*$")


# "직위: 웹 개발자(과장), 직종: E-7-1(…)": the next "label:" on the same line ends the value
_NEXT_LABEL = re.compile(r"\s*[,;]\s*[가-힣A-Za-z ]{1,12}\s*[:：].*$")
# "제3조 (직위 및 직종) 직위: …", "Article 1 (Position) …": the clause number is no label
_CLAUSE = re.compile(r"^\s*(?:(?:제\s*\d+\s*조|(?i:article|section)\s+\d+\.?)\s*)?(?:[(（][^()（）]{1,20}[)）])?\s*")
# "제3조 (직무 및 직급 / Position and Grade) 로봇 제어 소프트웨어 엔지니어, 선임연구원": the clause's
# name is the label, the rest of the line the value
_CLAUSE_LABEL = re.compile(r"^\s*(?:제\s*\d+\s*조|(?i:article|section)\s+\d+\.?)\s*[(（](?P<label>[^()（）]{1,40})[)）]\s*(?P<value>\S.{1,120})$")


# "플랜트사업본부 공정설계팀 플랜트 공정설계 엔지니어": the units before the job are not the title
_UNITS = re.compile(r"^(?:[가-힣A-Za-z0-9·]+(?:본부|사업부|팀|부서|연구소|센터|실)\s+)+(?=\S)")


_NOT_A_VALUE = re.compile(r"(?i:\b(?:article|section|clause)\s+\d+)|제\s*\d+\s*조|^\W*$")


def _clean_value(value: str) -> str:
    """The title in a label's value, or "" when the value is another heading."""
    if _NOT_A_VALUE.search(value.split("\n", 1)[0]):
        return ""
    value = _NEXT_LABEL.sub("", value.split("\n", 1)[0])
    value = re.sub(r"\s*[(（][^()（）]*(?:직업\s*분류|코드|code|\d{3,5})[^()（）]*[)）]", "", value)
    value = _CODE_NOTE.sub("", value)  # "광고 및 홍보 전문가(2733)": the code is not the title
    value = re.sub(r"^\s*S?\d{3,5}\s+(?=\D)", "", value)  # "S8541 자동차 부품 제조원"
    value = _UNITS.sub("", value.strip())
    value = re.split(r"\s*/\s*[가-힣A-Za-z ]{1,10}\s*[:：]", value)[0]  # "MD 1명 / 고용형태: 정규직"
    value = re.sub(r"\s*\d+\s*명\s*$", "", value)
    value = re.split(r"\s{3,}|\t", value)[0]
    value = re.split(r"(?<=[가-힣)])[.。]\s+(?=[가-힣A-Z])", value)[0]  # "…팀. 주요 업무는 다음과 같습니다": a sentence goes on
    value = _UNIT_BEFORE.sub("", _UNIT_AFTER.sub("", value))  # "통번역사 / 해외영업본부 중남미팀": the unit is not the title
    return value.strip(" .;,/|")


_UNIT_BEFORE = re.compile(r"^(?:[가-힣A-Za-z0-9·]+\s+)*[가-힣A-Za-z0-9·]*(?:본부|사업부|팀|부서|연구소|센터)\s*[/|]\s*(?=\S)")
_UNIT_AFTER = re.compile(r"\s*[/|,]\s*(?:[가-힣A-Za-z0-9·]+\s+)*[가-힣A-Za-z0-9·]*(?:본부|사업부|팀|부서|연구소|센터)\s*$")


@cache
def _sentences() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns.load("titles").get("sentences", []))


# "해외사업팀 소속 건축가", "산업컨설팅본부에서 경영컨설턴트": the unit the person joins is not the title
_SENTENCE_PREFIX = re.compile(r"^.*(?:소속(?:으로)?\s+|에서\s+|[가-힣](?:에|은|는)\s+|(?:본부|팀|부서|실|센터|연구소|사업부)의\s+)")
# "외국인 전문인력", "우수 인재": people, not a job
_PEOPLE = re.compile(r"(?:인력|인재|인원|직원|근로자|사람)$")
_TRAILING_JOIN = re.compile(r"(?:\s+(?:and|of|for|in|&|the|at))+$", re.I)


def _from_sentence(blocks: list[Block]) -> Title | None:
    """A letter's "worked with us as Export Sales Executive from …". The patterns are tried in
    their order (the surest first), each over the whole document."""
    texts = _sentence_texts(blocks)
    for regex in _sentences():
        for block, text in texts:
            m = regex.search(text)
            if m:
                value = _TRAILING_JOIN.sub("", _SENTENCE_PREFIX.sub("", _clean_value(m.group("v"))))
                if not value or len(value) > 60 or _PEOPLE.search(value):
                    continue
                value_text, rank = split_rank(value)
                found = Title(text.strip()[:200], block.location, value=value_text, rank=rank)
                if _only_rank(found):
                    continue  # "을의 직위는 대리로 하고, 직무는 폐수처리 엔지니어로 한다": read on
                return found
    for block, text in texts:
        for m in _lowercase_job().finditer(text):
            if re.match(r"(?:first|second|third|new|junior|young|trainee)\b", m.group("v")):
                continue  # "joined as a first-year lawyer": where the career began, not the post
            value_text, rank = split_rank(m.group("v"))
            return Title(text.strip()[:200], block.location, value=value_text, rank=rank)
    return None


@cache
def _lowercase_job() -> re.Pattern[str]:
    """"practised with us as a corporate lawyer", "worked as a data analyst": a title written in
    lower case after "as", recognised by its job noun (the patterns above want capitals)."""
    nouns = "|".join(patterns.load("titles")["job_nouns"]["en"])
    return re.compile(
        r"\b(?:employed|worked|served|practi[sc]ed|joined|hired|engaged|works|serves)\b[^.\n]{0,60}?\bas\s+(?:an?\s+|the\s+|our\s+)?"
        rf"(?P<v>(?:[a-z][\w\-/&]*\s+){{0,3}}(?:{nouns}))\b(?!\s+(?:of|for)\b)")


def _sentence_texts(blocks: list[Block]) -> list[tuple[Block, str]]:
    """Each prose block, and each pair of consecutive plain-text lines (a sentence that a .txt
    file broke after "Pvt. Ltd." goes on in the next line)."""
    out: list[tuple[Block, str]] = []
    body = [b for b in blocks if b.kind not in ("header", "footer") and b.table is None]
    out.extend((block, block.text) for block in body)
    for i, block in enumerate(body[:-1]):
        if block.kind == "line" and body[i + 1].kind == "line":
            out.append((block, block.text + " " + body[i + 1].text))
    return out


@cache
def _compounds() -> re.Pattern[str]:
    return re.compile("|".join(patterns.load("titles")["rank_compounds"]), re.IGNORECASE)


@cache
def _glued() -> re.Pattern[str]:
    return re.compile(rf"^({'|'.join(patterns.load('titles')['glued_ranks'])})(?=[가-힣]{{2,}}(?:\s|$))")


@cache
def _rank_field() -> re.Pattern[str]:
    labels = "|".join(patterns.load("titles")["rank_labels"])
    return re.compile(rf"^\s*(?:{labels})\s*(?:[:：|]\s*(?P<v>.+))?$", re.IGNORECASE)


def _rank_of_field(blocks: list[Block]) -> str | None:
    """"| 직급 | 선임 |" or "직급: 대리": a rank written apart from the title."""
    _, _, rank_re, _ = _compiled()
    for i, block in enumerate(blocks):
        m = _rank_field().match(block.text.split("\n", 1)[0])
        if not m:
            continue
        value = m.group("v")
        below = blocks[i + 1] if i + 1 < len(blocks) else None
        if value is None and block.table and below is not None and below.table:
            value = below.text if below.table[:2] == block.table[:2] else None
        if value and rank_re.fullmatch(value.strip()):
            return value.strip()
    return None


def find_title(blocks: list[Block]) -> Title | None:
    title = _labelled(blocks, "labels")
    if title is not None and _only_rank(title):
        # "직위: 대리" on a certificate is the rank; the work is in 직무 / 담당업무 (or a sentence)
        work = (_labelled(blocks, "fallback_labels") or _from_work_line(blocks, whole=True) or _from_sentence(blocks)
                or _labelled(blocks, "occupation_labels"))
        if work is not None:
            work.rank = work.rank or title.value
            title = work
    title = (title or _labelled(blocks, "fallback_labels") or _from_sentence(blocks) or _from_work_line(blocks)
             or _labelled(blocks, "occupation_labels") or _headline(blocks))
    if title is not None and title.rank is None:
        said = _RANK_SAID.search(title.text)  # "…로 근무하며, 직급은 선임으로 한다"
        title.rank = said.group(1) if said else _rank_of_field(blocks)
    return title


_RANK_SAID = re.compile(r"직\s*급(?:은|는)\s*([가-힣A-Za-z]{1,6}?)\s*(?:으로|로)")


def _only_rank(title: Title) -> bool:
    _, _, rank_re, alone = _compiled()
    # "대리", "대리 (Assistant Manager)", "주임 / Assistant Manager": ranks in one language or two
    parts = [p for p in re.split(r"\s*[/()（）,|]\s*", title.value.strip()) if p]
    return bool(parts) and all(rank_re.fullmatch(p) and p.lower() not in alone for p in parts)


# "3. 업무의 내용 : 간호사 - 병원이 지시하는 업무", "담당업무: 화학공정 엔지니어 (반응공정 설계)": the
# standard contract form's one line carries the title, then the work
_WORK_LINE = re.compile(r"^\s*(?:\d{1,2}\s*[.)]\s*)?(?:업무\s*의?\s*내용|담당\s*업무|직무\s*내용|Job\s+description|Description\s+of\s+(?:work|duties))[^:：]{0,20}[:：]\s*(?P<v>.+)$", re.I)
_TASK_END = re.compile(r"(?:개발|관리|작성|운영|설계|분석|지원|수행|담당|업무|처리|및)$|[다함음]\.?$")
_TITLE_SPLIT = re.compile(r"\s+[-–—]\s+|\s*[/:：]\s+")


def _from_work_line(blocks: list[Block], whole: bool = False) -> Title | None:
    """`whole`: a short value with no work after it is the title too (a certificate's
    "담당업무: 의료관광 코디네이터" beside "직위: 대리")."""
    for block in blocks:
        if block.kind in ("header", "footer"):
            continue
        for line in block.text.split("\n"):
            m = _WORK_LINE.match(line.strip())
            if not m:
                continue
            head = re.split(r"\s+[-–—]\s+", m.group("v").strip(), maxsplit=1)
            if len(head) == 1:
                head = _TITLE_SPLIT.split(m.group("v").strip(), maxsplit=1)
            # "직종 뿌리산업체 숙련기능공(S740) / 다이캐스팅 숙련기능공": the occupation, then the job
            head[0] = re.sub(r"^(?:직\s*종|직\s*무)\s+", "", head[0].split(" / ")[-1].strip())
            paren = re.match(r"^([^()（）]{2,25}?)\s*[(（](.{4,})[)）]\s*$", m.group("v").strip())
            if len(head) == 1 and paren:  # "사무원 (해외 바이어 응대 및 수출 서류 작성)"
                head = [paren.group(1), paren.group(2)]
            value = _clean_value(head[0])
            if (len(head) > 1 or (whole and not _TASK_END.search(value))) and 2 <= len(value) <= 30:
                value_text, rank = split_rank(value)
                return Title(line.strip()[:200], block.location, value=value_text, rank=rank)
    return None


_SENTENCE = re.compile(r"(?:니다|한다|이다|있다|했다|됩니다)\s*[.。]|[.。]\s+\S+\s+\S+")


def _a_name(text: str) -> bool:
    """The block after a label is its value only when it names something: not a sentence, and
    not itself "label: value" (then the label above was a section's heading, "2. 채용 직종 및 직위")."""
    first = LIST_MARKER.sub("", squash(text.split("\n", 1)[0]), count=1)
    if _SENTENCE.search(first):
        return False
    return not any(_compiled(t)[0].match(first) for t in ("labels", "fallback_labels", "occupation_labels"))


def _labelled(blocks: list[Block], tier: str) -> Title | None:
    inline, label_only, _, _ = _compiled(tier)
    for i, block in enumerate(blocks):
        if block.kind in ("header", "footer"):
            continue
        for raw in block.text.split("\n")[:40]:  # a block of "Label: value" lines (a letter's head)
            first = LIST_MARKER.sub("", raw, count=1)
            m = inline.match(first) or inline.match(_CLAUSE.sub("", first))
            clause = _CLAUSE_LABEL.match(raw)
            if (not m and clause and label_only.match(re.split(r"\s*(?:및|/|,)\s*", clause.group("label"))[0])
                    and _a_name(clause.group("value"))):  # "제3조(직위 및 업무) ① 을의 직위는 …로 한다.": a sentence
                value = _clean_value(clause.group("value").split(" / ")[0])
                if value and len(value) <= 80:
                    value_text, rank = split_rank(value)
                    return Title(first.strip(), block.location, value=value_text, rank=rank)
            if m:
                value = _clean_value(m.group("value"))
                if value and len(value) <= 80:
                    value_text, rank = split_rank(value)
                    return Title(first.strip(), block.location, value=value_text, rank=rank)
        lines = [x.strip() for x in block.text.split("\n") if x.strip()]
        for k, raw in enumerate(lines[:-1]):  # "1. 고용 직위" then the value on the next line
            head = LIST_MARKER.sub("", raw, count=1)
            clause = re.match(r"^\s*(?:제\s*\d+\s*조|(?i:article|section)\s+\d+\.?)\s*[(（]([^()（）]{1,40})[)）]\s*$", head)
            if clause:  # "제3조 (직무 및 직급 / Position and Grade)"
                head = re.split(r"\s*(?:및|/|,)\s*", clause.group(1))[0]
            if label_only.match(head):
                value = _clean_value(lines[k + 1].split(" / ")[0])
                if value and len(value) <= 80 and not label_only.match(value) and not _rank_field().match(value):
                    value_text, rank = split_rank(value)
                    return Title(f"{raw}: {value}", block.location, value=value_text, rank=rank)
        first = LIST_MARKER.sub("", block.text.split("\n", 1)[0], count=1)
        if label_only.match(LIST_MARKER.sub("", squash(block.text), count=1)) and i + 1 < len(blocks):
            nxt = blocks[i + 1]
            same_row = block.table and nxt.table and nxt.table[:2] == block.table[:2]
            if same_row and block.table and heading_kind(nxt.text):
                # "| 모집부문 | 담당업무 | 자격요건 |": a header row, the value is the cell below
                t, r, c = block.table
                nxt = next((b for b in blocks if b.table == (t, r + 1, c)), nxt)
            if same_row or (block.table is None and nxt.table is None):
                value = _clean_value(nxt.text)
                if value and len(value) <= 80 and not label_only.match(value) and _a_name(nxt.text):
                    value_text, rank = split_rank(value)
                    return Title(f"{block.text.strip()}: {value}", nxt.location, value=value_text, rank=rank)
    return None


def is_title_line(text: str, title: Title | None) -> bool:
    """A line that states the job rather than a task: the title itself, or a "직무명: …",
    "직급: 반장", "Job: …", "직종: 43291 카지노 딜러" field — kept out of the duties."""
    line = squash(LIST_MARKER.sub("", text, count=1))
    for tier in ("labels", "fallback_labels", "occupation_labels"):
        inline, label_only, _, _ = _compiled(tier)
        if inline.match(line) or label_only.match(line):
            return True
    if _rank_field().match(line):
        return True
    if title is None:
        return False
    key = re.sub(r"[\W_]+", "", line).casefold()
    for value in (title.value, title.text):
        v = re.sub(r"[\W_]+", "", value or "").casefold()
        if v and (key == v or (key.startswith(v) and len(key) <= len(v) + 20 and "(" in line)):
            return True
    return False


@cache
def _job_noun() -> re.Pattern[str]:
    data = patterns.load("titles")["job_nouns"]
    ko = "|".join(data["ko"])
    en = "|".join(data["en"])
    return re.compile(rf"(?:(?:{ko})|(?i:\b(?:{en})s?))(?:\s*[(（][^()（）]{{1,40}}[)）])?\s*$")


def _job_name(text: str) -> bool:
    """A short text that ends with a job noun ("Data Scientist", "BIM 엔지니어")."""
    return 2 <= len(text) <= 50 and len(text.split()) <= 7 and bool(_job_noun().search(text))


def names_a_job(text: str) -> bool:
    """A line that is only a job's name ("사회과학 연구원 (전문연구원) / Social Science Researcher")."""
    return "\n" not in text.strip() and _job_name(squash(text).split(" / ")[0].strip())


_HEADLINE_SKIP = re.compile(r"[:：@]|\d{3,}|https?:|(?i:curriculum|resume|résumé|\bcv\b)")


def _headline(blocks: list[Block]) -> Title | None:
    """A line near the top that is only a job's name ("Data Scientist", "BIM 엔지니어 / BIM
    Engineer"): a CV's headline, when nothing else names the job."""
    seen = 0
    for block in blocks:
        if block.kind in ("header", "footer") or block.table is not None:
            continue
        for raw in block.text.split("\n"):
            line = squash(raw)
            if not line:
                continue
            seen += 1
            if seen > 12:
                return None
            # "BIM 엔지니어 / BIM Engineer", "Rolling Stock / Bogie Design Engineer | Changwon | …":
            # the part before a slash when it names a job, else the whole first field
            field = re.split(r"\s+[|·•]\s+|\s{2,}", line)[0].strip()
            for first in dict.fromkeys((field.split(" / ")[0].strip(), field)):
                if not _HEADLINE_SKIP.search(first) and _job_name(first):
                    value_text, rank = split_rank(first)
                    return Title(line[:200], block.location, value=value_text, rank=rank)
    return None
