"""One row per case: who, which code, how well the duties fit, and whether the case is ready.
Shared by the HTML overview table and the CSV report, so both say the same thing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

# Worst first: a case with errors needs work before one with warnings, before a ready one.
VERDICTS = ("not_ready", "check", "ready")


@dataclass(frozen=True)
class CaseRow:
    path: str
    anchor: str
    applicant: str | None
    chosen_code: str | None
    chosen_coverage: float | None
    best_code: str | None
    best_coverage: float | None
    errors: int
    warnings: int
    infos: int

    @property
    def verdict(self) -> str:
        """not_ready with any error, check with any warning, otherwise ready (info never blocks)."""
        if self.errors:
            return "not_ready"
        return "check" if self.warnings else "ready"

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        return (VERDICTS.index(self.verdict), -self.errors, -self.warnings, self.path)


def anchor(index: int) -> str:
    """A stable id for the n-th case of a report (paths may hold any character)."""
    return f"case-{index + 1}"


def _applicant(case: dict[str, Any]) -> str | None:
    for doc in case["documents"]:
        if doc.get("applicant"):
            return str(doc["applicant"])
    return None


def _coverage(case: dict[str, Any], code: str | None) -> float | None:
    if not code:
        return None
    for s in case["suggestions"]:
        if s["code"] == code:
            return float(s.get("coverage") or 0.0)
    return None


def case_row(case: dict[str, Any], index: int) -> CaseRow:
    """The row of one case, from its JSON-shaped dict (report.data.case_dict)."""
    counts = Counter(f["severity"] for f in case["findings"])
    best = case["suggestions"][0]["code"] if case["suggestions"] else None
    return CaseRow(
        path=case["path"],
        anchor=anchor(index),
        applicant=_applicant(case),
        chosen_code=case["chosen_code"],
        chosen_coverage=_coverage(case, case["chosen_code"]),
        best_code=best,
        best_coverage=_coverage(case, best),
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
    )


def rows(cases: list[dict[str, Any]]) -> list[CaseRow]:
    """Every case's row, worst first."""
    return sorted((case_row(c, i) for i, c in enumerate(cases)), key=lambda r: r.sort_key)
