"""DL401 code-drift: another code covers the duties clearly better than the chosen one."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.case import CaseContext
from doclint.checks.alignment_support import (
    basis,
    because,
    confident,
    entry_name,
    finding,
    judged,
    summary,
)
from doclint.checks.base import rule
from doclint.model import Finding


@rule(
    "DL401", "code-drift", "error", scope="case", needs=("alignment",),
    params=("basis", "because", "best_code", "best_cov", "best_name", "chosen_code", "chosen_cov", "chosen_name"),
)
def check(ctx: CaseContext) -> Iterator[Finding]:
    result = judged(ctx)
    if result is None or result.chosen is None:
        return
    t = result.thresholds
    best = result.best
    if best is None or best == result.chosen:
        return
    best_cov, chosen_cov = result.coverage_of(best), result.coverage_of(result.chosen)
    if best_cov < t.drift_min or best_cov - chosen_cov < t.drift_gap:
        return
    if result.mean_score[best] - result.mean_score[result.chosen] < t.score_gap:
        return  # the two codes read the duties almost equally well: a near tie, not a drift
    if not confident(result):
        return  # the judge cannot tell which code fits: no verdict to report
    if result.judgement is not None and result.judgement.probability_of(best) < result.judgement.probability_of(result.chosen):
        return  # coverage points away, but judged as a whole the duties fit the chosen code better
    best_entry, chosen_entry = result.entries[best], result.entries[result.chosen]
    yield finding(
        ctx, "DL401", result.pulling_away(best),
        {"chosen": summary(result, result.chosen), "best": summary(result, best),
         "same_group": best_entry.parent_group == chosen_entry.parent_group},
        best_code=best_entry.code, best_name=entry_name(best_entry, ctx.lang), best_cov=best_cov,
        chosen_code=chosen_entry.code, chosen_name=entry_name(chosen_entry, ctx.lang), chosen_cov=chosen_cov,
        basis=basis(ctx, result), because=because(result, best, ctx.lang),
    )
