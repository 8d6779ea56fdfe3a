"""Which minimum annual salary applies to a case, and where the figure comes from.

Order: a per-code figure from the config's [thresholds] table, the code's own min_annual_krw
in the catalog, the subcategory's figure from [thresholds], the catalog's subcategory figure.
E-7-S is a salary track, not a list of codes: when the case is filed as E-7-S its own figure
applies whatever the occupation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from doclint.catalog.model import CODE_RE, SUBCATEGORIES, Catalog, CodeEntry


@dataclass(frozen=True)
class SalaryMinimum:
    amount: int
    scope: str  # "E-7-1", "code 2224 웹 개발자"
    basis: str  # what the figure is ("previous year's GNI per capita")
    year: int | None
    source: str  # where it comes from (the catalog's source, or the config file)
    from_config: bool = False
    basis_ko: str = ""

    def basis_in(self, lang: str) -> str:
        return self.basis_ko if lang == "ko" and self.basis_ko else self.basis


def check_overrides(overrides: dict[str, Any], catalog: Catalog) -> str | None:
    """A problem with the config's [thresholds] table, or None."""
    for key, value in overrides.items():
        if key not in SUBCATEGORIES and not CODE_RE.match(str(key).upper()):
            return f"{key!r} is neither a subcategory ({', '.join(SUBCATEGORIES)}) nor an occupation code"
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            return f"{key} must be a whole number of won a year (e.g. 31000000), not {value!r}"
        if key not in SUBCATEGORIES and catalog.get(str(key)) is None:
            return f"code {key} is not in the catalog {catalog.catalog.name}"
    return None


def threshold_for(
    catalog: Catalog,
    entry: CodeEntry | None,
    subcategory: str | None,
    overrides: dict[str, Any] | None = None,
    config: str | None = None,
) -> SalaryMinimum | None:
    overrides = overrides or {}
    where = config or "configuration"
    table = catalog.thresholds
    year = table.year if table else None
    source = table.source if table else catalog.catalog.name
    if subcategory != "E-7-S" and entry is not None:
        for key in (entry.code, *entry.aliases):
            if key in overrides:
                return SalaryMinimum(int(overrides[key]), f"code {entry.code} {entry.name_ko}", "[thresholds]", None, where, True)
        if entry.min_annual_krw:
            return SalaryMinimum(entry.min_annual_krw, f"code {entry.code} {entry.name_ko}", "the code's own minimum",
                             year, entry.sources or source)
    sub = subcategory if subcategory == "E-7-S" or entry is None else (entry.subcategory or subcategory)
    if sub is None:
        return None
    if sub in overrides:
        return SalaryMinimum(int(overrides[sub]), sub, "[thresholds]", None, where, True)
    figure = table.subcategories.get(sub) if table else None
    if figure is None or not figure.min_annual_krw:
        return None  # E-7-4 is scored on points: no single floor
    return SalaryMinimum(figure.min_annual_krw, sub, figure.basis or figure.label, year, figure.source or source,
                     basis_ko=figure.basis_ko)
