"""DL601 salary-below-threshold: the case's annual salary against the minimum that applies
(doclint/catalog/thresholds.py says which one and where its figure comes from)."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.case import CaseContext, DocRecord
from doclint.catalog.thresholds import threshold_for
from doclint.checks import case_facts
from doclint.checks.base import make_finding, rule
from doclint.model import DocType, Finding, Salary


def case_salary(ctx: CaseContext) -> tuple[int, DocRecord | None, Salary | None] | None:
    """The annual salary of the case: doclint-case.toml, else the contract, else any document."""
    if ctx.manifest.get("annual_salary_krw"):
        return int(ctx.manifest["annual_salary_krw"]), None, None
    paid = [r for r in ctx.readable if r.facts and r.facts.salary and r.facts.salary.annual_krw]
    paid.sort(key=lambda r: 0 if r.facts and r.facts.doc_type is DocType.CONTRACT else 1)
    if not paid:
        return None
    salary = paid[0].facts.salary  # type: ignore[union-attr]
    assert salary is not None
    return salary.annual_krw, paid[0], salary


@rule(
    "DL601", "salary-below-threshold", "error", scope="case", needs=("catalog",),
    params=("basis", "salary", "scope", "source", "threshold", "year"),
)
def check(ctx: CaseContext) -> Iterator[Finding]:
    catalog = case_facts.catalog(ctx)
    found = case_salary(ctx)
    if catalog is None or found is None:
        return
    amount, record, salary = found
    entry = catalog.get(ctx.chosen_code) if ctx.chosen_code else None
    threshold = threshold_for(catalog, entry, ctx.subcategory, ctx.run.options.thresholds, ctx.run.options.config_path)
    if threshold is None or amount >= threshold.amount:
        return
    evidence = salary.text if salary else f"doclint-case.toml: annual_salary_krw = {amount}"
    yield make_finding(
        "DL601", record.display if record else ctx.path, "override" if threshold.from_config else "message", ctx.lang,
        evidence=evidence, location=salary.location if salary else None,
        ocr=bool(record and record.doc and record.doc.ocr),
        data={"annual_krw": amount, "period": salary.period if salary else "year", "threshold": threshold.amount,
              "scope": threshold.scope, "year": threshold.year, "source": threshold.source},
        salary=amount, threshold=threshold.amount, scope=threshold.scope, basis=threshold.basis_in(ctx.lang),
        year=threshold.year, source=threshold.source,
    )
