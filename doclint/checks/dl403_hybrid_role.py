"""DL403 hybrid-role: no code covers half of the duties, and the leading codes are of different
functions (managing, research, engineering, a profession, service, a trade): the primary function
is undefined. Silent when the judge cannot tell which code fits."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.case import CaseContext
from doclint.checks.alignment_support import (
    entry_name,
    finding,
    judged,
    split_across_functions,
    summary,
)
from doclint.checks.base import rule
from doclint.model import Finding


@rule(
    "DL403", "hybrid-role", "warning", scope="case", needs=("alignment",),
    params=("best_code", "best_cov", "best_name", "primary", "required"),
)
def check(ctx: CaseContext) -> Iterator[Finding]:
    result = judged(ctx)
    if result is None or result.best is None:
        return
    t = result.thresholds
    best = result.best
    if result.coverage_of(best) >= t.primary_min:
        return
    ineligible = result.ranked(eligible=False)
    if ineligible and result.coverage_of(ineligible[0]) >= t.ineligible_min:
        return  # DL408 says what the work is
    if not split_across_functions(result):
        return  # one clear function: field words pulling single duties elsewhere make no hybrid
    # the duties quoted: the strongest line of each of the leading codes, to show the spread
    leading = result.ranked()[:3]
    fits = [result.supporting(i, 1)[0] for i in leading if result.supporting(i, 1)]
    entry = result.entries[best]
    yield finding(
        ctx, "DL403", fits,
        {"leading": [summary(result, i) for i in leading]},
        best_code=entry.code, best_name=entry_name(entry, ctx.lang), best_cov=result.coverage_of(best),
        primary=t.primary_min, required=t.coverage_min,  # the thresholds in force ([alignment])
    )
