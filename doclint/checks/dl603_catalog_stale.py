"""DL603 catalog-stale: the catalog's as-of date is more than six months before today."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from doclint.case import CaseContext
from doclint.checks import case_facts
from doclint.checks.base import rule
from doclint.model import Finding

MAX_AGE_MONTHS = 6  # practitioners' advice: don't rely on lists or guides older than 6 months


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (2026-01-31 → 2026-07-30 is 5)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def is_stale(as_of: date, today: date | None = None) -> bool:
    return months_between(as_of, today or date.today()) >= MAX_AGE_MONTHS


@rule("DL603", "catalog-stale", "info", scope="run", needs=("catalog",), params=("as_of", "catalog"))
def check(ctx: CaseContext) -> Iterator[Finding]:
    catalog = case_facts.catalog(ctx)
    if catalog is None or not is_stale(catalog.catalog.as_of):
        return
    meta = catalog.catalog
    age = months_between(meta.as_of, date.today())
    yield case_facts.finding(ctx, "DL603", None, evidence=f"{meta.name} as of {meta.as_of.isoformat()}",
                             data={"catalog": meta.name, "as_of": meta.as_of.isoformat(), "months": age},
                             catalog=meta.name, as_of=meta.as_of.isoformat())
