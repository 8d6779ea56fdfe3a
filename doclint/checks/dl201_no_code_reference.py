"""DL201 no-code-reference."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.checks.base import DocContext, rule
from doclint.model import DocType, Finding


@rule("DL201", "no-code-reference", "error", doc_types=(DocType.REASON_STATEMENT,))
def check(ctx: DocContext) -> Iterator[Finding]:
    if not ctx.facts.codes:
        yield ctx.finding("DL201")
