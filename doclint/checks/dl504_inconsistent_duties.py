"""DL504 inconsistent-duties: the contract and the 고용사유서 describe different work.

Compared through the catalog rather than word by word: each document's duties get their own
coverage profile, and the two disagree when neither document's main occupation covers half of the
other's duties. Rewording the same job in other words is not flagged."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from doclint.align.case_alignment import CaseAlignment, DutyFit
from doclint.case import CaseContext
from doclint.checks.alignment_support import entry_name, finding, judged
from doclint.checks.base import rule
from doclint.model import DocType, Finding


def _profile(result: CaseAlignment, fits: list[DutyFit]) -> np.ndarray:
    total = sum(f.weight for f in fits) or 1.0
    return sum((f.weight / total) * f.matched for f in fits) * result.eligible  # type: ignore[return-value]


@rule(
    "DL504", "inconsistent-duties", "warning", scope="case", needs=("alignment",),
    params=("contract_code", "contract_name", "reason_code", "reason_name", "similarity"),
)
def check(ctx: CaseContext) -> Iterator[Finding]:
    result = judged(ctx)
    if result is None:
        return
    contracts = {r.display for r in ctx.of_type(DocType.CONTRACT)}
    reasons = {r.display for r in ctx.of_type(DocType.REASON_STATEMENT)}
    contract_fits = [f for f in result.fits if f.path in contracts and not f.abstained]
    reason_fits = [f for f in result.fits if f.path in reasons and not f.abstained]
    if min(len(contract_fits), len(reason_fits)) < result.thresholds.min_duties:
        return
    a, b = _profile(result, reason_fits), _profile(result, contract_fits)
    top_a, top_b = int(np.argmax(a)), int(np.argmax(b))
    similarity = (float(b[top_a]) + float(a[top_b])) / 2
    if top_a == top_b or similarity >= result.thresholds.primary_min:
        return
    ea, eb = result.entries[top_a], result.entries[top_b]
    quoted = [f for f in reason_fits if f.matched[top_a]][:2] + [f for f in contract_fits if f.matched[top_b]][:2]
    yield finding(
        ctx, "DL504", quoted,
        {"reason_code": ea.code, "contract_code": eb.code, "similarity": round(similarity, 3)},
        reason_code=ea.code, reason_name=entry_name(ea, ctx.lang),
        contract_code=eb.code, contract_name=entry_name(eb, ctx.lang), similarity=similarity,
    )
