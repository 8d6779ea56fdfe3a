"""Facts the spaCy lexicon finds (rules/patterns/lexicon.yaml): the reason a foreign worker is
needed, the link from the applicant's degree/experience to the job, duties that manage people
or budgets. Each runs only for the documents whose rules read it, so a document that needs no
Korean analysis never starts Kiwi."""

from __future__ import annotations

import re
from functools import cache

from doclint.model import Block, Duty, Span
from doclint.nlp import patterns
from doclint.nlp.lexicon import SPANS_KEY
from doclint.nlp.pipeline import analyse_many
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
            in_posting = found[0] == "posting"
        if not in_posting:
            out.append(block)
    return out


def first_cue(blocks: list[Block], group: str) -> Span | None:
    located = _own_words(blocks)
    texts = [b.text for b in located]
    for block, doc in zip(located, analyse_many(texts), strict=True):
        for span in doc.spans[SPANS_KEY]:
            if span.label_ == group:
                return Span(block.text.strip()[:200], block.location)
    return None


def management_duties(duties: list[Duty]) -> list[Span]:
    docs = analyse_many([d.text for d in duties])
    return [
        Span(d.text, d.location)
        for d, doc in zip(duties, docs, strict=True)
        if any(s.label_ == "management" for s in doc.spans[SPANS_KEY])
    ]


@cache
def _manager_title() -> re.Pattern[str]:
    data = patterns.load("titles")["manager"]
    return re.compile(word_pattern(data["ko"] + data["en"]), re.IGNORECASE)


def is_manager_title(title: str) -> bool:
    return bool(_manager_title().search(title))
