"""--format github: GitHub Actions workflow commands, one annotation per finding:
`::error file=…,line=…,title=DL401 code-drift::message`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from doclint.report.text_format import printable

if TYPE_CHECKING:
    from doclint.config import Options
    from doclint.engine import RunResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(run: RunResult, options: Options, color: bool = False) -> str:
    lines = []
    for f in run.findings:
        props = [f"file={_escape_property(printable(f.path))}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_escape_property(f'{f.rule} {f.name}')}")
        message = f.message
        if f.evidence:
            message += f'\nfound: "{f.evidence}"'
        if f.suggestion:
            message += f"\nfix: {f.suggestion}"
        lines.append(f"::{COMMANDS[f.severity.value]} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
