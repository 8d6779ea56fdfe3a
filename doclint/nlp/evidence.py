"""Evidence for absence rules: before doclint says a document has no duties, no reason for a
foreign worker or no qualification link, it looks at every passage for something close to that
role by meaning (doclint.nlp.meaning). What comes close but was not read as the role is kept as
a candidate, so the rule can say "unclear" at info, quoting it, instead of a false error."""

from __future__ import annotations

import re

from doclint.model import Block, Location, Span
from doclint.nlp import meaning
from doclint.nlp.fields import is_field_line
from doclint.nlp.phrases import matches
from doclint.nlp.sections import heading_kind
from doclint.nlp.text import squash, strip_marker
from doclint.nlp.title import is_title_line

_CODE = re.compile(r"(?<![\d.,])S?\d{3,5}(?![\d.,])")
_FIELD = re.compile(r"^[^:：]{1,25}[:：]\s*\S{0,30}$")  # "성명: 홍길동" is a field, not a task
_MAX_LINES = 400  # a document's lines looked at (the head of a very long one is enough)


def _lines(blocks: list[Block], min_chars: int, max_chars: int) -> list[tuple[str, Block]]:
    out: list[tuple[str, Block]] = []
    for block in blocks:
        if block.kind in ("header", "footer"):
            continue
        for raw in block.text.split("\n"):
            text = squash(strip_marker(raw))
            if min_chars <= len(text) <= max_chars and not _FIELD.match(text) and not heading_kind(text):
                out.append((text, block))
                if len(out) >= _MAX_LINES:
                    return out
    return out


def duty_candidates(blocks: list[Block], limit: int = 5) -> list[dict[str, object]]:
    """Lines that read like some occupation's duty (close to a catalog definition line), best
    first: what an absence rule quotes when it cannot be sure."""
    # a task has a few words: a job title or a code's name ("Engineer", "2371 환경공학 기술자")
    # matches the catalog's name lines but is not a duty
    lines = [(t, b) for t, b in _lines(blocks, 8, 400)
             if len(t.split()) >= 3 and not _CODE.search(t) and not is_title_line(t, None) and not is_field_line(t)]
    if not lines:
        return []
    th = meaning.thresholds()["task"]
    scored = []
    for (text, block), score in zip(lines, meaning.duty_likeness([t for t, _ in lines]), strict=True):
        if score >= th:
            scored.append((score, text, block))
    scored.sort(key=lambda x: -x[0])
    return [{"text": t, "line": b.line, "page": b.page, "score": round(s, 3)} for s, t, b in scored[:limit]]


def under_heading(blocks: list[Block], role: str) -> Span | None:
    """The first passage under a heading that means `role` ("2. Reason for hiring a foreign
    national", "외국인 채용 사유", "3. Applicant's qualifications"): a section is about what its
    heading says, whatever words it uses."""
    from doclint.nlp.duties import _form

    heads = [(i, text) for i, b in enumerate(blocks) if (text := _form(b))]
    if not heads:
        return None
    th = meaning.thresholds()
    for (i, _), c in zip(heads, meaning.closeness([t for _, t in heads]), strict=True):
        if c.role != role or c.score < th["heading"] or c.margin < th["heading_margin"]:
            continue
        for block in blocks[i + 1: i + 4]:  # the section's first passage, before any other heading
            text = squash(block.text)
            if block.kind in ("header", "footer"):
                continue
            if heading_kind(block.text) or _form(block):
                break
            if len(text) < 30:
                continue
            if matches(text, "posting"):
                break  # copied posting text under a "채용 사유" heading is not the employer's reason
            return Span(text, Location(block.line, block.page))
    return None


_SENTENCES = re.compile(r"(?<=[.!?。])\s+|(?<=[다요음함])\.?\s+(?=[가-힣A-Z])")


def _best_sentence(text: str, role: str) -> tuple[float, str]:
    """The sentence of a section that reads most like `role`, and its score: a reason section
    often opens with the company's business and comes to the reason in its second sentence."""
    sentences = [x for x in _SENTENCES.split(text) if len(x.strip()) >= 15][:12] or [text]
    scores = [c.scores.get(role, 0.0) for c in meaning.closeness(sentences, "passages")]
    k = max(range(len(sentences)), key=lambda i: scores[i])
    return scores[k], sentences[k].strip()


def passage(blocks: list[Block], role: str) -> tuple[Span | None, Span | None]:
    """(the passage that is clearly about `role`, or None; else the closest unclear candidate)."""
    found = under_heading(blocks, role)
    if found is not None:
        # the heading says what the section is for; the passage must also read a little like it,
        # or it is only a candidate ("speaks French" under "Reason for employment")
        score, sentence = _best_sentence(found.text, role)
        span = Span(sentence[:200], found.location)
        if score >= meaning.thresholds()["passage_unclear"]:
            return span, None
        return None, span
    lines = _lines(blocks, 15, 600)
    if not lines:
        return None, None
    th = meaning.thresholds()
    best: tuple[float, str, Block] | None = None
    for (text, block), c in zip(lines, meaning.closeness([t for t, _ in lines], "passages"), strict=True):
        score = c.scores.get(role, 0.0)
        if c.role == role and (best is None or score > best[0]):
            best = (score, text, block)
    if best is None or best[0] < th["passage_unclear"]:
        return None, None
    span = Span(best[1][:200], Location(best[2].line, best[2].page))
    return (span, None) if best[0] >= th["passage"] else (None, span)
