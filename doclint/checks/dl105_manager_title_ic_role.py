"""DL105 manager-title-ic-role: a manager title over duties that manage no one and nothing."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.checks.base import DocContext, rule
from doclint.model import DocType, Finding
from doclint.nlp.cues import is_manager_title


@rule(
    "DL105", "manager-title-ic-role", "warning", doc_types=(DocType.CONTRACT, DocType.REASON_STATEMENT),
    params=("n", "title"),
)
def check(ctx: DocContext) -> Iterator[Finding]:
    facts = ctx.facts
    title = facts.title
    if title is None or not facts.duties or not is_manager_title(title.value):
        return
    if not facts.management_duties:
        yield ctx.finding("DL105", evidence=title.text, location=title.location, title=title.value, n=len(facts.duties))
