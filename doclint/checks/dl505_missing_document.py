"""DL505 missing-document."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.case import CaseContext
from doclint.checks import case_facts
from doclint.checks.base import rule
from doclint.model import Finding


@rule("DL505", "missing-document", "warning", scope="case", params=("missing",))
def check(ctx: CaseContext) -> Iterator[Finding]:
    if not ctx.is_folder:  # a file checked on its own is not a case folder
        return
    present = {r.facts.doc_type for r in ctx.readable if r.facts}
    for r in ctx.records:
        if r.facts is None:  # unreadable (DL001): its name may still say what it is
            guess = case_facts.type_from_name(r.display)
            if guess is None:
                return  # it may be the missing document: DL001 already fails the case
            present.add(guess)
    for doc_type in case_facts.doc_types("documents", "required"):
        if doc_type not in present:
            yield case_facts.finding(ctx, "DL505", None, missing=case_facts.type_name(ctx, doc_type),
                                     data={"missing": doc_type.value})
