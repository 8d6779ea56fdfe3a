"""DL503 inconsistent-salary."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.case import CaseContext
from doclint.checks import case_facts
from doclint.checks.base import rule
from doclint.model import DocType, Finding


@rule(
    "DL503", "inconsistent-salary", "error", scope="case",
    params=("amount", "amounts", "file", "line", "notes"),
)
def check(ctx: CaseContext) -> Iterator[Finding]:
    paid = [r for r in case_facts.records(ctx, "salary") if r.facts and r.facts.salary and r.facts.salary.annual_krw]
    if len(paid) < 2:
        return
    # The contract is the legal source of the pay: the other documents are compared with it.
    paid.sort(key=lambda r: 0 if r.facts and r.facts.doc_type is DocType.CONTRACT else 1)
    ref = paid[0]
    assert ref.facts and ref.facts.salary
    ref_salary = ref.facts.salary
    tolerance = case_facts.salary_tolerance(ref_salary.annual_krw)
    for record in paid[1:]:
        assert record.facts and record.facts.salary
        salary = record.facts.salary
        if abs(salary.annual_krw - ref_salary.annual_krw) <= tolerance:
            continue
        amounts = "; ".join(case_facts.salary_source(ctx, r, s) for r, s in ((ref, ref_salary), (record, salary)))
        yield case_facts.finding(
            ctx, "DL503", record, evidence=salary.text, location=salary.location, amounts=amounts,
            data={"annual_krw": salary.annual_krw, "period": salary.period, "reference": ref.display,
                  "reference_annual_krw": ref_salary.annual_krw, "reference_period": ref_salary.period,
                  "reference_evidence": ref_salary.text, "reference_line": ref_salary.location.line},
        )
