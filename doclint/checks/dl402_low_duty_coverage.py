"""DL402 low-duty-coverage: under 70% of the (time-weighted) duties match the chosen code."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.case import CaseContext
from doclint.checks.alignment_support import entry_name, finding, judged, summary
from doclint.checks.base import rule
from doclint.model import Finding


@rule(
    "DL402", "low-duty-coverage", "error", scope="case", needs=("alignment",),
    params=("chosen_code", "chosen_name", "coverage", "required"),
)
def check(ctx: CaseContext) -> Iterator[Finding]:
    result = judged(ctx)
    if result is None or result.chosen is None:
        return
    coverage = result.coverage_of(result.chosen)
    if coverage >= result.thresholds.coverage_min:
        return
    outside = [f for f in result.fits if not f.matched[result.chosen]]
    outside.sort(key=lambda f: -f.weight)
    chosen = result.entries[result.chosen]
    yield finding(
        ctx, "DL402", outside,
        {"chosen": summary(result, result.chosen), "required": result.thresholds.coverage_min,
         "outside": [{"duty": f.duty.text, "best_code": result.entries[f.best].code if not f.abstained else None} for f in outside]},
        coverage=coverage, required=result.thresholds.coverage_min,
        chosen_code=chosen.code, chosen_name=entry_name(chosen, ctx.lang),
    )
