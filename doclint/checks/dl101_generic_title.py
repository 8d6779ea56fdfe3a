"""DL101 generic-title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from doclint.checks.base import DocContext, rule
from doclint.model import DocType, Finding
from doclint.nlp import patterns
from doclint.nlp.text import word_pattern

JOB_DOCS = (DocType.CONTRACT, DocType.REASON_STATEMENT)


@cache
def _regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = patterns.load("titles")
    generic = re.compile(rf"^\s*(?:{word_pattern(data['generic']['ko'] + data['generic']['en'])}\s*)+$", re.I)
    specific = re.compile(word_pattern(data["specific"]["ko"] + data["specific"]["en"]).replace("(?<![A-Za-z0-9])", "(?<![A-Za-z])"), re.I)
    return generic, specific


def is_generic(title: str) -> bool:
    generic, specific = _regexes()
    return bool(generic.match(title)) and not specific.search(title)


@rule("DL101", "generic-title", "warning", doc_types=JOB_DOCS, params=("title",))
def check(ctx: DocContext) -> Iterator[Finding]:
    title = ctx.facts.title
    if title and title.value and is_generic(title.value):
        yield ctx.finding("DL101", evidence=title.text, location=title.location, title=title.value)
