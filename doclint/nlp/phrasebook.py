"""The phrase groups of rules/patterns/lexicon.yaml, and a cheap pre-filter over them. Free of
spaCy imports, so that deciding whether a text needs the pipeline costs no model load."""

from __future__ import annotations

from functools import cache

from doclint.nlp import patterns

SPANS_KEY = "lexicon"  # doc.spans key of the lexicon matches


@cache
def groups() -> dict[str, dict[str, list[str]]]:
    return patterns.load("lexicon")["groups"]


def _anchor(phrase: str) -> list[str] | None:
    """Literal strings one of which any match must contain (the first token with literal
    alternatives: a noun in practice, whose surface form equals its NORM); None if none."""
    for word in phrase.split():
        alternatives = word.split("|")
        if word == "~" or any(a.startswith("/") for a in alternatives):
            continue
        return [a.rstrip("*").lower() for a in alternatives]
    return None


@cache
def anchors(group: str) -> tuple[str, ...] | None:
    """Strings of which a text must contain one to be worth analysing for `group`."""
    out: set[str] = set()
    for phrases in groups()[group].values():
        for phrase in phrases:
            anchor = _anchor(phrase)
            if anchor is None:
                return None
            out.update(anchor)
    return tuple(sorted(out))


def may_match(text: str, group: str) -> bool:
    words = anchors(group)
    lowered = text.lower()
    return words is None or any(w in lowered for w in words)
