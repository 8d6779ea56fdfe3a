"""understand: turn a Document into DocumentFacts (type, language, title, duties, codes, salary,
employer, industry, applicant, dates, signatory/contact, and the cues some rules need).

Regex over pattern data does what regex does well (labels, codes, money); the spaCy pipeline
(doclint.nlp.pipeline: blank en/ko pipelines, Kiwi tokenizer, lexicon Matcher) does what needs
tokens — run-on duty prose and phrase cues — and starts Kiwi only when a document needs it."""

from __future__ import annotations

import re

from doclint.model import Block, DocType, Document, DocumentFacts, Span
from doclint.nlp import evidence
from doclint.nlp.codes import find_codes
from doclint.nlp.cues import find_cues, is_manager_title, management_duties, mark_vague
from doclint.nlp.doctype import classify
from doclint.nlp.duties import find_duties
from doclint.nlp.fields import find_field, has_flag
from doclint.nlp.layout import logical_blocks, mark_page_furniture
from doclint.nlp.phrases import find_phrases
from doclint.nlp.salary import find_salary
from doclint.nlp.text import language_of, languages_of, nfc
from doclint.nlp.title import find_title, is_title_line

_NAMES_JOB = re.compile(r"(?:으로|로)\s*(?:근무|채용|고용|재직|임용)|\b(?:employ\w*|hired?|joined?|appointed)\b[^.]*\bas\b", re.I)
_SIGNATURE_TAIL = 12  # a signature block sits in the last blocks of a document
# A document contributes at most this many duty lines: a real duty list has a few dozen at most,
# and a 30,000-line list would otherwise be embedded and judged line by line.
MAX_DUTIES = 300
MAX_BLOCKS = 2000  # paragraphs, cells and lines read from one document (a long contract has ~300)


def prepare(doc: Document) -> list[Block]:
    """The blocks as the extractors read them: NFC text, page furniture marked, wrapped lines
    joined back into one block."""
    return logical_blocks(mark_page_furniture([
        Block(nfc(b.text), b.kind, b.page, b.line, b.table, b.list_level, b.marker, b.ocr)
        for b in doc.blocks
    ]))


def understand(doc: Document, blocks: list[Block] | None = None) -> DocumentFacts:
    blocks = blocks if blocks is not None else prepare(doc)
    notes: list[str] = []
    if len(blocks) > MAX_BLOCKS:  # bounded work per document, whatever its size
        notes.append(f"{doc.path}: {len(blocks)} blocks of text; only the first {MAX_BLOCKS} were read")
        blocks = blocks[:MAX_BLOCKS]
    body = [b for b in blocks if b.kind not in ("header", "footer")]
    facts = DocumentFacts()
    if notes:
        facts.extra["notes"] = notes
    facts.doc_type, facts.type_confidence, scores = classify(blocks)
    facts.extra["type_scores"] = scores
    body_text = "\n".join(b.text for b in body)
    facts.language = language_of(body_text)
    facts.languages = languages_of(body_text)
    facts.title = find_title(blocks)
    facts.duties, facts.duty_section = find_duties(blocks)
    # the title line or sentence read into a list ("모바일 앱 개발자 (개발본부 앱개발팀)", "직급: 반장",
    # "을은 …팀 소속 건축가로 근무하며") is not a duty
    facts.duties = [d for d in facts.duties if not is_title_line(d.text, facts.title)
                    and not (facts.title and d.location == facts.title.location and _NAMES_JOB.search(d.text))]
    if len(facts.duties) > 1:
        repeated = evidence.meaning.translations([d.text for d in facts.duties[:MAX_DUTIES]])
        facts.duties = [d for k, d in enumerate(facts.duties) if k not in repeated]
    if len(facts.duties) > MAX_DUTIES:
        facts.extra["duties_total"] = len(facts.duties)
        facts.extra.setdefault("notes", []).append(
            f"{doc.path}: {len(facts.duties)} duty lines found; only the first {MAX_DUTIES} were read"
        )
        facts.duties = facts.duties[:MAX_DUTIES]
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
        # what the phrase lists miss, meaning may still find; a near miss is kept as a candidate
        for attr, role in (("foreign_reason", "reason"), ("qualification_link", "qualification")):
            if getattr(facts, attr) is None:
                found, candidate = evidence.passage(body, role)
                setattr(facts, attr, found)
                if candidate is not None:
                    facts.extra[f"{role}_candidate"] = candidate
    if not facts.duties and facts.doc_type is not DocType.OTHER:
        facts.extra["duty_candidates"] = evidence.duty_candidates(body)
    if facts.title and is_manager_title(facts.title.value) and facts.duties:
        facts.management_duties = management_duties(facts.duties)
    return facts


__all__ = ["Span", "understand"]
