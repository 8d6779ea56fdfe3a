"""--format csv: one row per finding (and one for each case without findings), for a spreadsheet. UTF-8 with a byte-order mark so that
Excel shows Hangul; a cell that a spreadsheet would run as a formula (=, +, -, @, or a leading
tab/CR) is prefixed with an apostrophe, so a hostile document cannot inject one."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from doclint.report.data import case_dict
from doclint.report.overview import case_row

if TYPE_CHECKING:
    from doclint.config import Options
    from doclint.engine import RunResult

COLUMNS = ("case", "path", "line", "page", "rule", "name", "severity", "message", "found", "fix",
           "chosen_code", "best_code", "coverage", "best_coverage", "verdict")
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> str:
    """The cell's text, with an apostrophe before anything a spreadsheet would evaluate."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _coverage(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def render(run: RunResult, options: Options, color: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for index, result in enumerate(run.cases):
        case = case_dict(result)
        row = case_row(case, index)
        common = [neutralise(row.chosen_code), neutralise(row.best_code),
                  _coverage(row.chosen_coverage), _coverage(row.best_coverage), row.verdict]
        if not case["findings"]:  # a clean case keeps its line in the list of cases
            writer.writerow([neutralise(case["path"]), "", "", "", "", "", "", "", "", "", *common])
        for f in case["findings"]:
            writer.writerow([
                neutralise(case["path"]), neutralise(f["path"]), f["line"] or "", f["page"] or "",
                f["rule"], f["name"], f["severity"], neutralise(f["message"]), neutralise(f["evidence"]),
                neutralise(f["suggestion"]), *common,
            ])
    return BOM + out.getvalue()
