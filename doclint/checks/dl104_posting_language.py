"""DL104 job-posting-language."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.checks.base import DocContext, rule
from doclint.model import DocType, Finding


@rule(
    "DL104", "job-posting-language", "warning", doc_types=(DocType.CONTRACT, DocType.REASON_STATEMENT),
    params=("doc_type", "more", "phrase"),
)
def check(ctx: DocContext) -> Iterator[Finding]:
    phrases = ctx.facts.posting_phrases
    if phrases:
        first = phrases[0]
        others = sorted({p.text for p in phrases[1:]} - {first.text})
        more = f" (also: {', '.join(repr(o) for o in others[:3])})" if others else ""
        yield ctx.finding(
            "DL104",
            evidence=first.context or first.text,
            location=first.location,
            phrase=first.text,
            more=more,
            doc_type=ctx.doc_type_name,
            data={"phrases": [p.text for p in phrases]},
        )
