"""understand: turn a Document into DocumentFacts (type, language, title, duties, codes, salary,
employer, industry, applicant, dates, signatory/contact, and the cues some rules need).

Regex over pattern data does what regex does well (labels, codes, money); the spaCy pipeline
(doclint.nlp.pipeline: blank en/ko pipelines, Kiwi tokenizer, lexicon Matcher) does what needs
tokens — run-on duty prose and phrase cues — and starts Kiwi only when a document needs it."""

from __future__ import annotations

from doclint.model import Block, DocType, Document, DocumentFacts, Span
from doclint.nlp.codes import find_codes
from doclint.nlp.cues import find_cues, is_manager_title, management_duties, mark_vague
from doclint.nlp.doctype import classify
from doclint.nlp.duties import find_duties
from doclint.nlp.fields import find_field, has_flag
from doclint.nlp.layout import logical_blocks, mark_page_furniture
from doclint.nlp.phrases import find_phrases
from doclint.nlp.salary import find_salary
from doclint.nlp.text import language_of, languages_of, nfc
from doclint.nlp.title import find_title

_SIGNATURE_TAIL = 12  # a signature block sits in the last blocks of a document


def understand(doc: Document) -> DocumentFacts:
    blocks = logical_blocks(mark_page_furniture([
        Block(nfc(b.text), b.kind, b.page, b.line, b.table, b.list_level, b.marker, b.ocr)
        for b in doc.blocks
    ]))
    body = [b for b in blocks if b.kind not in ("header", "footer")]
    facts = DocumentFacts()
    facts.doc_type, facts.type_confidence, scores = classify(blocks)
    facts.extra["type_scores"] = scores
    body_text = "\n".join(b.text for b in body)
    facts.language = language_of(body_text)
    facts.languages = languages_of(body_text)
    facts.title = find_title(blocks)
    facts.duties, facts.duty_section = find_duties(blocks)
    mark_vague(facts.duties)
    facts.codes, facts.subcategory = find_codes(blocks)
    facts.salary = find_salary(blocks)
    facts.posting_phrases = find_phrases(blocks, "posting")
    facts.employer = find_field(blocks, "employer")
    facts.industry = find_field(blocks, "industry")
    facts.applicant = find_field(blocks, "applicant")
    if facts.doc_type is DocType.LETTER:
        facts.employment_dates = find_field(blocks, "employment_dates")
    else:
        facts.contract_period = find_field(blocks, "contract_period")
    facts.has_signatory = has_flag(body[-_SIGNATURE_TAIL:], "signatory")
    facts.has_contact = has_flag(blocks, "contact")
    if facts.doc_type is DocType.REASON_STATEMENT:
        cues = find_cues(body, ("foreign_reason", "qualification"))
        facts.foreign_reason = cues.get("foreign_reason")
        facts.qualification_link = cues.get("qualification")
    if facts.title and is_manager_title(facts.title.value) and facts.duties:
        facts.management_duties = management_duties(facts.duties)
    return facts


__all__ = ["Span", "understand"]
