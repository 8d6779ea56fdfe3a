"""understand: turn a Document into DocumentFacts (type, language, title, duties, codes, salary)."""

from __future__ import annotations

import re

from doclint.model import Block, Document, DocumentFacts, Span
from doclint.nlp.codes import find_codes
from doclint.nlp.doctype import classify
from doclint.nlp.duties import find_duties
from doclint.nlp.phrases import find_phrases
from doclint.nlp.salary import find_salary
from doclint.nlp.text import language_of, nfc
from doclint.nlp.title import find_title

_CONTACT = re.compile(r"(tel|phone|전화|연락처|e-?mail|이메일|@[\w.-]+\.\w+|\+?\d{2,3}[-\s]\d{3,4}[-\s]\d{4})", re.I)
_SIGNATORY = re.compile(r"(\(인\)|\(서명\)|signature|signed|sincerely|대표\s*이사|대\s*표\s*자|인사\s*(담당|팀장|부장)|hr\s+(manager|director)|authori[sz]ed)", re.I)


def understand(doc: Document) -> DocumentFacts:
    blocks = [
        Block(nfc(b.text), b.kind, b.page, b.line, b.table, b.list_level, b.marker, b.ocr)
        for b in doc.blocks
    ]
    facts = DocumentFacts()
    facts.doc_type, facts.type_confidence, scores = classify(blocks)
    facts.extra["type_scores"] = scores
    facts.language = language_of("\n".join(b.text for b in blocks))
    facts.title = find_title(blocks)
    facts.duties, facts.duty_section = find_duties(blocks)
    facts.codes, facts.subcategory = find_codes(blocks)
    facts.salary = find_salary(blocks)
    facts.posting_phrases = find_phrases(blocks, "posting")
    tail = blocks[-12:]
    facts.has_signatory = any(_SIGNATORY.search(b.text) for b in tail)
    facts.has_contact = any(_CONTACT.search(b.text) for b in blocks)
    return facts


__all__ = ["Span", "understand"]
