"""DL102 missing-duties."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.checks.absence import unclear
from doclint.checks.base import DocContext, rule
from doclint.model import DocType, Finding


@rule(
    "DL102", "missing-duties", "error", doc_types=(DocType.CONTRACT, DocType.REASON_STATEMENT),
    params=("candidate", "doc_type"),
)
def check(ctx: DocContext) -> Iterator[Finding]:
    if not ctx.facts.duties:
        candidates = ctx.facts.extra.get("duty_candidates") or []
        if candidates:
            yield unclear(ctx, "DL102", candidates, doc_type=ctx.doc_type_name)
            return
        section = ctx.facts.duty_section
        yield ctx.finding(
            "DL102",
            evidence=section.text if section else None,
            location=section.location if section else None,
            doc_type=ctx.doc_type_name,
        )
