"""Masking of personal numbers in reports (rules/patterns/privacy.yaml): alien registration and
resident registration numbers, passport numbers, phone numbers, e-mail addresses. Applied to every
string a report shows, after the rules have run, so no rule loses evidence it needs."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from doclint.nlp import patterns

if TYPE_CHECKING:
    from doclint.engine import RunResult

_STAR = re.compile(r"[A-Za-z0-9]")


@cache
def _compiled() -> list[tuple[str, re.Pattern[str]]]:
    data = patterns.load("privacy")["patterns"]
    flags = {"passport_context": re.IGNORECASE}
    return [(name, re.compile(rx, flags.get(name, 0))) for name, rx in data.items()]


def _stars(text: str) -> str:
    return _STAR.sub("*", text)


def mask(text: str | None) -> str | None:
    if not text:
        return text
    for name, regex in _compiled():
        if name == "passport_context":
            text = regex.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + _stars(m.group(1)), text)
        elif name == "email":
            text = regex.sub(lambda m: "***@" + m.group(0).split("@", 1)[1], text)
        else:
            text = regex.sub(lambda m: _stars(m.group(0)), text)
    return text


def mask_run(run: RunResult) -> None:
    """Mask every string of a run that a report can show."""
    for case in run.cases:
        for f in case.findings:
            f.message = mask(f.message) or f.message
            f.evidence = mask(f.evidence)
            f.suggestion = mask(f.suggestion)
        for record in case.context.records:
            facts = record.facts
            if facts is None:
                continue
            for duty in facts.duties:
                duty.text = mask(duty.text) or duty.text
            for span in (facts.title, facts.salary, facts.employer, facts.applicant, facts.industry,
                         facts.contract_period, facts.employment_dates, facts.subcategory):
                if span is not None:
                    span.text = mask(span.text) or span.text
            if facts.title is not None:
                facts.title.value = mask(facts.title.value) or facts.title.value
        for s in case.context.suggestions:
            for key in ("duties", "supporting_duties"):
                if isinstance(s.get(key), list):
                    s[key] = [mask(x) if isinstance(x, str) else x for x in s[key]]
