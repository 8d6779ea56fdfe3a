"""DL501 inconsistent-code."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.case import CaseContext, DocRecord
from doclint.checks import case_facts
from doclint.checks.base import rule
from doclint.model import DocType, Finding


@rule("DL501", "inconsistent-code", "error", scope="case", needs=("catalog",), params=("codes",))
def check(ctx: CaseContext) -> Iterator[Finding]:
    cat = case_facts.catalog(ctx)
    cited: list[tuple[DocRecord, set[str], list[str]]] = []
    for r in case_facts.records(ctx, "codes"):
        if r.facts and r.facts.codes:
            written = list(dict.fromkeys(m.code for m in r.facts.codes))
            cited.append((r, {case_facts.canonical_code(c, cat) for c in written}, written))
    if len(cited) < 2:
        return
    # The 고용사유서 is what the case is filed under: the other documents are compared with it.
    cited.sort(key=lambda c: 0 if c[0].facts and c[0].facts.doc_type is DocType.REASON_STATEMENT else 1)
    ref, ref_codes, _ = cited[0]
    listing = ", ".join(
        f"{' / '.join(case_facts.code_label(c, cat) for c in written)} ({case_facts.name(r)})" for r, _, written in cited
    )
    for record, codes, _ in cited[1:]:
        if codes & ref_codes:  # an alias and its official code are the same code
            continue
        assert record.facts is not None
        mention = record.facts.codes[0]
        yield case_facts.finding(
            ctx, "DL501", record, evidence=mention.text, location=mention.location, codes=listing,
            data={"codes": {r.display: written for r, _, written in cited}, "reference": ref.display},
        )
