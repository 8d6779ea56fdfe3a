"""DL001 unreadable-document: made by the engine when a reader raises ReadError."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.checks.base import DocContext, make_finding, rule
from doclint.model import Finding, ReadError


@rule("DL001", "unreadable-document", "error")
def check(ctx: DocContext) -> Iterator[Finding]:
    return iter(())  # findings come from unreadable(): a rule over facts never sees such a file


def unreadable(path: str, error: ReadError, lang: str = "en") -> Finding:
    finding = make_finding("DL001", path, lang=lang, reason=error.reason, fix=error.fix or "ask for the document again")
    finding.data["kind"] = error.kind
    return finding
