"""DL502 inconsistent-title."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.case import CaseContext
from doclint.checks import case_facts
from doclint.checks.base import rule
from doclint.model import DocType, Finding


@rule("DL502", "inconsistent-title", "warning", scope="case", needs=("catalog",), params=("a", "b"))
def check(ctx: CaseContext) -> Iterator[Finding]:
    titled = [r for r in case_facts.records(ctx, "titles") if r.facts and r.facts.title]
    contracts = [r for r in titled if r.facts and r.facts.doc_type is DocType.CONTRACT]
    statements = [r for r in titled if r.facts and r.facts.doc_type is DocType.REASON_STATEMENT]
    if not contracts or not statements:
        return
    cat = case_facts.catalog(ctx)
    for statement in statements:
        assert statement.facts and statement.facts.title
        b = statement.facts.title
        for contract in contracts:
            assert contract.facts and contract.facts.title
            a = contract.facts.title
            if case_facts.titles_agree(case_facts.title_value(a), case_facts.title_value(b), cat) is not False:
                continue
            # reported where the 고용사유서 names the title: that is the document filed with the code
            yield case_facts.finding(
                ctx, "DL502", statement, evidence=b.text, location=b.location, a=a.value or a.text, b=b.value or b.text,
                data={"contract": contract.display, "contract_title": a.text, "contract_line": a.location.line,
                      "statement_title": b.text},
            )
