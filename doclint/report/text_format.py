"""--format text: `path:line:col: DL401 [error] message`, the evidence and fix indented below,
then a summary. Colour only on a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from doclint.report.data import statistics, summary

if TYPE_CHECKING:
    from doclint.config import Options
    from doclint.engine import RunResult

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_DIM, _BOLD, _RESET = "\033[2m", "\033[1m", "\033[0m"


def printable(path: str) -> str:
    """A path on one line: control characters and undecodable bytes shown escaped."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render(run: RunResult, options: Options, color: bool = False) -> str:
    def c(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    ko = options.lang == "ko"
    lines: list[str] = []
    for case in run.cases:
        for f in case.findings:
            where = f"{printable(f.path)}:{f.line or 1}:1:"
            page = f" (p. {f.page})" if f.page else ""
            sev = c(_COLORS[f.severity.value], f"[{f.severity.value}]")
            lines.append(f"{c(_BOLD, where)} {f.rule} {sev} {f.message}{page}")
            if f.evidence:
                lines.append(c(_DIM, f"    {'근거' if ko else 'found'}: \"{f.evidence}\""))
            if f.suggestion:
                lines.append(c(_DIM, f"    {'수정' if ko else 'fix'}: {f.suggestion}"))
    s = summary(run)
    if lines:
        lines.append("")
    if options.statistics:
        counts = statistics(run)
        for row in counts:
            lines.append(f"{row['count']:5d}  {row['rule']}  {row['name']}")
        if counts:
            lines.append("")
    lines.extend(run.notes)
    verdict = (
        f"{_plural(s['cases'], 'case')}, {_plural(s['documents'], 'document')}: "
        f"{_plural(s['errors'], 'error')}, {_plural(s['warnings'], 'warning')}, {s['infos']} info"
    )
    if run.baseline and run.baseline.get("accepted"):
        verdict += f" ({run.baseline['accepted']} accepted by the baseline)"
    if not run.findings:
        verdict += " — all clear"
    lines.append(c(_BOLD, verdict))
    return "\n".join(lines) + "\n"
