"""Phrase lists from rules/patterns/duties.yaml (vague duty wording, job-posting language)."""

from __future__ import annotations

import re
from functools import cache

from doclint.model import Block, Span
from doclint.nlp import patterns


@cache
def phrase_regex(group: str) -> re.Pattern[str]:
    data = patterns.load("duties")[group]
    alternation = "|".join(f"(?:{p})" for p in data["ko"] + data["en"])
    return re.compile(rf"(?<![A-Za-z])(?:{alternation})(?![A-Za-z])", re.IGNORECASE)


def find_phrases(blocks: list[Block], group: str) -> list[Span]:
    """Blocks holding a phrase of the group; a group's `<group>_weak` phrases count only when a
    phrase of the group itself was found in the document (자격요건 alone is no posting)."""
    found = _find(blocks, phrase_regex(group))
    if found and (group + "_weak") in patterns.load("duties"):
        found += _find(blocks, phrase_regex(group + "_weak"))
        found.sort(key=lambda s: (s.location.page or 0, s.location.line or 0))
    return found


def _find(blocks: list[Block], regex: re.Pattern[str]) -> list[Span]:
    found: list[Span] = []
    for block in blocks:
        if block.kind in ("header", "footer"):
            continue
        m = regex.search(block.text)
        if m:
            found.append(Span(m.group(0), block.location, context=block.text.strip()[:200]))
    return found


def matches(text: str, group: str) -> re.Match[str] | None:
    return phrase_regex(group).search(text)
