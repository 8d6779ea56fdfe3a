"""DL202 missing-foreign-worker-reason: a 고용사유서 that never says why a foreigner is needed."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.checks.absence import unclear
from doclint.checks.base import DocContext, rule
from doclint.model import DocType, Finding


@rule(
    "DL202", "missing-foreign-worker-reason", "warning", doc_types=(DocType.REASON_STATEMENT,),
    params=("candidate",),
)
def check(ctx: DocContext) -> Iterator[Finding]:
    if ctx.facts.foreign_reason is None:
        candidate = ctx.facts.extra.get("reason_candidate")
        if candidate is not None:
            where = candidate.location
            yield unclear(ctx, "DL202", [{"text": candidate.text, "line": where.line, "page": where.page}])
            return
        yield ctx.finding("DL202")
