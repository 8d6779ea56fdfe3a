"""Facts the spaCy lexicon finds (rules/patterns/lexicon.yaml): the reason a foreign worker is
needed, the link from the applicant's degree/experience to the job, duties that manage people
or budgets. Each runs only for the documents whose rules read it, so a document that needs no
Korean analysis never starts Kiwi."""

from __future__ import annotations

import re
from functools import cache

from doclint.model import Block, Duty, Span
from doclint.nlp import patterns
from doclint.nlp.phrasebook import SPANS_KEY, may_match
from doclint.nlp.phrases import matches
from doclint.nlp.pipeline import analyse
from doclint.nlp.sections import heading_kind
from doclint.nlp.text import word_pattern


def _own_words(blocks: list[Block]) -> list[Block]:
    """The blocks that speak for the employer: not page furniture, not a copied job posting's
    requirements (우대사항, Preferred qualifications)."""
    out: list[Block] = []
    in_posting = False
    for block in blocks:
        if block.kind in ("header", "footer") or not block.text.strip():
            continue
        found = heading_kind(block.text)
        if found:
            # "우대사항" opens copied posting text; "자격요건" may open the statement's own account
            # of how the applicant meets the requirements, which is the qualification link itself
            in_posting = found[0] == "posting" and bool(matches(block.text.split("\n", 1)[0], "posting"))
        if not in_posting:
            out.append(block)
    return out


def find_cues(blocks: list[Block], wanted: tuple[str, ...]) -> dict[str, Span]:
    """The first block holding each wanted lexicon group. A block is analysed only when it
    contains an anchor word of a group still missing, and the scan stops when all are found."""
    found: dict[str, Span] = {}
    for block in _own_words(blocks):
        missing = [g for g in wanted if g not in found and may_match(block.text, g)]
        if not missing:
            if len(found) == len(wanted):
                break
            continue
        doc = analyse(block.text)
        for span in doc.spans[SPANS_KEY]:
            if span.label_ in missing and span.label_ not in found:
                found[span.label_] = Span(block.text.strip()[:200], block.location)
    return found


def mark_vague(duties: list[Duty]) -> None:
    """Set duty.vague to the generic wording in it: the `vague` regexes first (cheap), then the
    lexicon, which sees through Korean particles (회사에서 지시한 업무)."""
    for duty in duties:
        m = matches(duty.text, "vague")
        if m:
            duty.vague = m.group(0)
        elif may_match(duty.text, "vague"):
            doc = analyse(duty.text)  # keep the Doc alive while its spans are read
            spans = [s for s in doc.spans[SPANS_KEY] if s.label_ == "vague"]
            if spans:
                duty.vague = spans[0].text


def management_duties(duties: list[Duty]) -> list[Span]:
    out: list[Span] = []
    for duty in duties:
        if may_match(duty.text, "management"):
            doc = analyse(duty.text)
            if any(s.label_ == "management" for s in doc.spans[SPANS_KEY]):
                out.append(Span(duty.text, duty.location))
    return out


@cache
def _manager_title() -> re.Pattern[str]:
    data = patterns.load("titles")["manager"]
    return re.compile(word_pattern(data["ko"] + data["en"]), re.IGNORECASE)


def is_manager_title(title: str) -> bool:
    return bool(_manager_title().search(title))
