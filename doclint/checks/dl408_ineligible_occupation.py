"""DL408 ineligible-occupation: the duties mostly fit work that is not on the E-7 list."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.case import CaseContext
from doclint.checks.alignment_support import entry_name, finding, judged, summary
from doclint.checks.base import rule
from doclint.model import Finding


@rule(
    "DL408", "ineligible-occupation", "warning", scope="case", needs=("alignment",),
    params=("cov", "name"),
)
def check(ctx: CaseContext) -> Iterator[Finding]:
    result = judged(ctx)
    if result is None:
        return
    ranked = result.ranked(eligible=False)
    if not ranked:
        return
    worst = ranked[0]
    cov = result.coverage_of(worst)
    if cov < result.thresholds.ineligible_min or cov <= result.coverage_of(result.best):
        return
    entry = result.entries[worst]
    yield finding(
        ctx, "DL408", result.supporting(worst),
        {"occupation": summary(result, worst), "why": entry.why_ko if ctx.lang == "ko" else entry.why_en},
        name=entry_name(entry, ctx.lang), cov=cov,
    )
