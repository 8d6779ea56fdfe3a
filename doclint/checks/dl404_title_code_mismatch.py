"""DL404 title-code-mismatch: the title names an occupation of another group than the chosen code,
and no document names the chosen occupation to explain the alignment."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import numpy as np

from doclint.case import CaseContext
from doclint.checks.alignment_support import entry_name, judged
from doclint.checks.base import make_finding, rule
from doclint.model import Finding


def _explained(ctx: CaseContext, names: list[str]) -> bool:
    """Some document names the chosen occupation (e.g. the 고용사유서 says why it is 웹 개발자)."""
    wanted = [unicodedata.normalize("NFC", n).lower().replace(" ", "") for n in names if len(n) >= 2]
    for record in ctx.readable:
        text = unicodedata.normalize("NFC", record.doc.text if record.doc else "").lower().replace(" ", "")
        if any(n in text for n in wanted):
            return True
    return False


@rule(
    "DL404", "title-code-mismatch", "info", scope="case", needs=("alignment",),
    params=("chosen_code", "chosen_name", "title", "title_code", "title_name"),
)
def check(ctx: CaseContext) -> Iterator[Finding]:
    result = judged(ctx)
    if result is None or result.chosen is None:
        return
    chosen = result.entries[result.chosen]
    for fit in result.titles:
        scores = np.where(result.eligible, fit.scores, -1.0)
        best = int(np.argmax(scores))
        entry = result.entries[best]
        if best == result.chosen or entry.parent_group == chosen.parent_group:
            continue
        if scores[best] < result.thresholds.match_min or scores[best] - scores[result.chosen] < result.thresholds.title_gap:
            continue
        if _explained(ctx, [chosen.name_ko, chosen.name_en]):  # every document's text: only when needed
            return
        yield make_finding(
            "DL404", fit.path, lang=ctx.lang, evidence=fit.title.text, location=fit.title.location,
            data={"title_code": entry.code, "chosen": chosen.code,
                  "score": round(float(scores[best]), 3), "chosen_score": round(float(scores[result.chosen]), 3)},
            title=fit.title.value, title_code=entry.code, title_name=entry_name(entry, ctx.lang),
            chosen_code=chosen.code, chosen_name=entry_name(chosen, ctx.lang),
        )
        return  # one per case: the titles of one case say the same thing
