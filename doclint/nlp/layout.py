"""Layout repair before extraction: PDF and text files wrap long lines, which splits sentences
(and the labels, codes and duties in them) across blocks. Join them back."""

from __future__ import annotations

import re
from dataclasses import replace

from doclint.model import Block
from doclint.nlp.sections import heading_kind
from doclint.nlp.text import HANGUL, LIST_MARKER

# a sentence end, or a time share closing an item ("… in Arabic and English (35%)", "… — approx. 40%")
_SENTENCE_END = re.compile(
    r"(?:[.!?。:：]|[다함음요]\.?|[(（][^()（）]{0,12}\d{1,3}\s*%[)）]|[-–—]\s*(?:approx\.?|about|c\.|약)?\s*\d{1,3}\s*%)\s*$")
_MIN_WRAPPED = 30  # a line shorter than this ended where its writer ended it
_FULL_WIDTH = 0.8  # a wrapped line fills at least this share of the page's widest line …
_MIN_LINE_WIDTH = 36.0  # … and of a printed A4 line (in Hangul glyphs), however short the page
# "B. Why we need a foreign engineer", "IV. Terms": a lettered or Roman-numbered section starts afresh
_LETTERED = re.compile(r"^\s*(?:[A-Z]|[IVX]{1,4})\.\s+[A-Z]")
_FIELD = re.compile(r"^\s*[^\s:：]{1,20}(?:\s[^\s:：]{1,20}){0,3}\s*[:：]\s*\S")  # "Occupation code: 2224"


def _width(text: str) -> float:
    """Printed width in Hangul-glyph units: Latin letters and digits are about half as wide."""
    return sum(1.0 if ord(ch) >= 0x1100 else 0.55 for ch in text)
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?(?:\s*[-–—])?\s*$", re.IGNORECASE)
_EDGE = 2  # lines at the top and bottom of a page that may be running headers/footers


def mark_page_furniture(blocks: list[Block]) -> list[Block]:
    """PDF and text pages carry running headers, footers and page numbers as ordinary lines:
    a line within the first/last lines of its page that repeats (digits aside) on another page,
    or is only a page number, becomes a header/footer block, which no extractor reads as content."""
    pages: dict[int, list[int]] = {}
    for i, b in enumerate(blocks):
        if b.kind == "line" and b.page is not None:
            pages.setdefault(b.page, []).append(i)
    if not pages:
        return blocks
    edges: dict[int, str] = {}
    for idx in pages.values():
        for pos, i in enumerate(idx):
            if pos < _EDGE:
                edges[i] = "header"
            elif pos >= len(idx) - _EDGE:
                edges[i] = "footer"
    seen: dict[str, set[int]] = {}
    for i in edges:
        seen.setdefault(re.sub(r"\d+", "#", blocks[i].text.strip()), set()).add(blocks[i].page or 0)
    out = list(blocks)
    for i, kind in edges.items():
        text = blocks[i].text
        repeated = len(pages) > 1 and len(seen[re.sub(r"\d+", "#", text.strip())]) > 1
        if repeated or (kind == "footer" and _PAGE_NUMBER.match(text)):
            out[i] = replace(blocks[i], kind=kind)
    return out


def is_marked(block: Block) -> bool:
    return block.kind == "list_item" or bool(block.marker) or bool(LIST_MARKER.match(block.text))


def _other_language(line: str, nxt: str) -> bool:
    """A bilingual page's next line in the other language starts anew: an English line is not
    wrapped into a Korean sentence, nor a Korean line into an English one."""
    if not HANGUL.search(line):
        return bool(HANGUL.match(nxt.strip()))
    return not HANGUL.search(nxt) and len(re.findall(r"[A-Za-z]+", nxt)) >= 3


def logical_blocks(blocks: list[Block]) -> list[Block]:
    """Join the lines a PDF or text file wrapped back into one block: a line that is long, does
    not end a sentence, and is followed by an unmarked line of the same page."""
    widest: dict[int | None, float] = {}
    for b in blocks:
        if b.kind == "line":
            widest[b.page] = max(widest.get(b.page, 0.0), _width(b.text))
    out: list[Block] = []
    last_line: dict[int, str] = {}  # the last physical line of each joined block: it decides the next join
    for block in blocks:
        # the line before, skipping a page's running footer and the next page's header: a duty
        # that breaks across pages is one duty
        k = len(out) - 1
        while k >= 0 and out[k].kind in ("header", "footer") and block.kind == "line":
            k -= 1
        prev = out[k] if k >= 0 else None
        same_flow = prev is not None and (prev.page == block.page or (
            k < len(out) - 1 and prev.page is not None and block.page == prev.page + 1))
        if (
            prev is not None and prev.kind == "line" and block.kind == "line" and same_flow
            and len(prev.text) >= _MIN_WRAPPED and not _SENTENCE_END.search(prev.text)
            and _width(last_line.get(k, prev.text).rsplit("\n", 1)[-1]) >= _FULL_WIDTH * max(widest[prev.page], _MIN_LINE_WIDTH)
            and not _FIELD.match(block.text) and not _LETTERED.match(block.text)
            and not is_marked(block) and heading_kind(block.text) is None
            and not _other_language(last_line.get(k, prev.text).rsplit("\n", 1)[-1], block.text)
        ):
            out[k] = replace(prev, text=prev.text + ("" if prev.text.endswith("-") else " ") + block.text)
            last_line[k] = block.text  # a short last line ends the paragraph, however long the block
            continue
        out.append(block)
    return out


