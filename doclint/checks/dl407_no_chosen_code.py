"""DL407 no-chosen-code."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.case import CaseContext
from doclint.checks import case_facts
from doclint.checks.base import rule
from doclint.model import DocType, Finding


@rule("DL407", "no-chosen-code", "error", scope="case")
def check(ctx: CaseContext) -> Iterator[Finding]:
    # A lone file (a contract checked on its own) need not carry the code, and a folder with no
    # readable contract or 고용사유서 has DL001/DL505 to say so: only then is the missing code news.
    if ctx.chosen_code or not ctx.is_folder:
        return
    filing = ctx.of_type(DocType.REASON_STATEMENT, DocType.CONTRACT)
    if filing:
        yield case_facts.finding(ctx, "DL407", None)
