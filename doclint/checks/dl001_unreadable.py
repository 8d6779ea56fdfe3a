"""DL001 unreadable-document: a reader raised ReadError, so no other rule sees this file."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.checks.base import make_finding, rule
from doclint.model import Finding, ReadError


@rule("DL001", "unreadable-document", "error", scope="reader", params=("fix", "reason"))
def check(path: str, error: ReadError, lang: str = "en") -> Iterator[Finding]:
    finding = make_finding("DL001", path, lang=lang, reason=error.reason, fix=error.fix or "ask for the document again")
    finding.data["kind"] = error.kind
    yield finding

