"""DL203 missing-qualification-link: a 고용사유서 that never ties the applicant's degree or
experience to the job."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.checks.absence import unclear
from doclint.checks.base import DocContext, rule
from doclint.model import DocType, Finding


@rule(
    "DL203", "missing-qualification-link", "warning", doc_types=(DocType.REASON_STATEMENT,),
    params=("candidate",),
)
def check(ctx: DocContext) -> Iterator[Finding]:
    if ctx.facts.qualification_link is None:
        candidate = ctx.facts.extra.get("qualification_candidate")
        if candidate is not None:
            where = candidate.location
            yield unclear(ctx, "DL203", [{"text": candidate.text, "line": where.line, "page": where.page}])
            return
        yield ctx.finding("DL203")
