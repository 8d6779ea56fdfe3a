"""DL301 letter-missing-duties."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.checks.absence import unclear
from doclint.checks.base import DocContext, rule
from doclint.model import DocType, Finding


@rule(
    "DL301", "letter-missing-duties", "error", doc_types=(DocType.LETTER,),
    params=("candidate",),
)
def check(ctx: DocContext) -> Iterator[Finding]:
    if not ctx.facts.duties:
        candidates = ctx.facts.extra.get("duty_candidates") or []
        if candidates:
            yield unclear(ctx, "DL301", candidates)
            return
        title = ctx.facts.title
        yield ctx.finding("DL301", evidence=title.text if title else None, location=title.location if title else None)
