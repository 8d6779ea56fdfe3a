"""DL103 vague-duties."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.checks.base import DocContext, rule
from doclint.model import DocType, Finding


@rule(
    "DL103", "vague-duties", "warning", doc_types=(DocType.CONTRACT, DocType.REASON_STATEMENT, DocType.LETTER),
    params=("phrase",),
)
def check(ctx: DocContext) -> Iterator[Finding]:
    for duty in ctx.facts.duties:
        if duty.vague:  # set by the pipeline: regex, then the particle-aware lexicon
            yield ctx.finding("DL103", evidence=duty.text, location=duty.location, phrase=duty.vague)
