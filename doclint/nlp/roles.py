"""The role of every block of a document as doclint read it: what `doclint inspect` prints.

Each block gets one role (duty, title, reason, qualification, posting, code, salary, heading,
lead-in, signature, furniture, other) and the reason it got it, taken from the facts the
extractors found there, so that a wrong fact is one look away from the line that caused it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from doclint.model import Block, DocumentFacts, Location, Span
from doclint.nlp.sections import heading_kind
from doclint.nlp.text import squash


@dataclass
class BlockRole:
    index: int
    text: str
    kind: str  # the reader's block kind: paragraph, list_item, table_cell, line, header …
    line: int | None
    page: int | None
    table: tuple[int, int, int] | None
    role: str
    why: str = ""
    items: list[str] = field(default_factory=list)  # the duties this block gave


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _at(span: Span | None, block: Block) -> bool:
    if span is None:
        return False
    loc: Location = span.location
    if (loc.line, loc.page) != (block.line, block.page):
        return False
    probe = _key(span.text)[:24]
    return not probe or probe in _key(block.text) or _key(block.text)[:24] in _key(span.text)


def read_map(blocks: list[Block], facts: DocumentFacts) -> list[BlockRole]:
    out: list[BlockRole] = []
    duty_section = facts.duty_section
    for i, block in enumerate(blocks):
        text = squash(block.text)
        role = BlockRole(i, text, block.kind, block.line, block.page, block.table, "other")
        out.append(role)
        if block.kind in ("header", "footer"):
            role.role, role.why = "furniture", f"running {block.kind} or page number: not content"
            continue
        items = [
            d for d in facts.duties
            if (d.location.line, d.location.page) == (block.line, block.page) and _key(d.text)[:20] in _key(block.text)
        ]
        if items:
            role.role = "duty"
            role.items = [d.text for d in items]
            section = items[0].section
            role.why = (f"under {section!r}" if section else "a sentence that narrates duties") + (
                f"; {len(items)} items" if len(items) > 1 else "")
            continue
        if _at(duty_section, block):
            role.role, role.why = "heading", "opens the duty list"
            continue
        for name, span, why in (
            ("title", facts.title, "the job title"),
            ("reason", facts.foreign_reason, "why a foreign worker is needed"),
            ("qualification", facts.qualification_link, "how the applicant's degree/experience fits"),
            ("salary", facts.salary, "the salary"),
        ):
            if _at(span, block):
                role.role, role.why = name, why
                break
        else:
            posting = next((p for p in facts.posting_phrases if (p.location.line, p.location.page) == (block.line, block.page)), None)
            code = next((c for c in facts.codes if _at(c, block)), None)
            found = heading_kind(block.text)
            if posting is not None:
                role.role, role.why = "posting", f"job-posting wording {posting.text!r}"
            elif code is not None:
                role.role, role.why = "code", f"cites occupation code {code.code}"
            elif found and found[0] == "signature":
                role.role, role.why = "signature", "signature block"
            elif found:
                role.role, role.why = "heading", ("heading of a job-posting section" if found[0] == "posting" else "section heading")
    return out
