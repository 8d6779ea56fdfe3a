"""Word .docx: body paragraphs and tables in reading order, list items, headers and footers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from doclint.model import Block, Document, ReadError
from doclint.readers.limits import Limits, check_zip

_MAX_TABLE_DEPTH = 8


def _style_name(par: Paragraph, names: dict[str | None, str]) -> str:
    """The paragraph's style name, resolved once per style id and document: python-docx looks
    the default style up with an XPath over every style on each access (~0.4 ms a paragraph)."""
    style_id = par._p.style
    if style_id not in names:
        names[style_id] = (par.style.name or "") if par.style is not None else ""
    return names[style_id]


def _list_info(par: Paragraph, style: str) -> tuple[str | None, int | None]:
    """(marker, level) for list paragraphs: numbering properties or a List style."""
    ppr = par._p.pPr
    num_pr = ppr.numPr if ppr is not None else None
    if num_pr is None and "List" not in style:
        return None, None
    level = 0
    ilvl = getattr(num_pr, "ilvl", None)  # python-docx types numPr loosely
    if ilvl is not None and ilvl.val is not None:
        level = int(ilvl.val)
    marker = "1." if "Number" in style else "•"
    return marker, level


def _paragraph_block(par: Paragraph, names: dict[str | None, str]) -> Block | None:
    text = par.text.strip()
    if not text:
        return None
    style = _style_name(par, names)
    marker, level = _list_info(par, style)
    if marker is not None:
        return Block(text, "list_item", list_level=level, marker=marker)
    kind = "heading" if style.startswith(("Heading", "Title")) else "paragraph"
    return Block(text, kind)


def _table_blocks(table: Table, index: list[int], depth: int) -> Iterator[Block]:
    if depth > _MAX_TABLE_DEPTH:
        raise ReadError("tables are nested too deeply to read", "", "hostile")
    t = index[0]
    index[0] += 1
    for r, row in enumerate(table.rows):
        seen: set[int] = set()
        for c, cell in enumerate(row.cells):
            if id(cell._tc) in seen:  # a merged cell repeats across the row
                continue
            seen.add(id(cell._tc))
            lines = [p.text.strip() for p in cell.paragraphs if p.text.strip()]
            if lines:
                yield Block("\n".join(lines), "table_cell", table=(t, r, c))
            for inner in cell.tables:
                yield from _table_blocks(inner, index, depth + 1)


def _body(parent: object, index: list[int]) -> Iterator[Block]:
    element = parent.element.body  # type: ignore[attr-defined]
    names: dict[str | None, str] = {}
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            block = _paragraph_block(Paragraph(child, parent), names)  # type: ignore[arg-type]
            if block:
                yield block
        elif child.tag == qn("w:tbl"):
            yield from _table_blocks(Table(child, parent), index, 0)  # type: ignore[arg-type]


def _header_footer(doc: object) -> tuple[list[Block], list[Block]]:
    headers: list[Block] = []
    footers: list[Block] = []
    seen: set[tuple[str, str]] = set()  # a header repeated in every section is read once
    for section in doc.sections:  # type: ignore[attr-defined]
        for part, out, kind in ((section.header, headers, "header"), (section.footer, footers, "footer")):
            if part.is_linked_to_previous and out:
                continue
            for par in part.paragraphs:
                text = par.text.strip()
                if text and (kind, text) not in seen:
                    seen.add((kind, text))
                    out.append(Block(text, kind))
    return headers, footers


def read_docx(path: Path, display: str, limits: Limits) -> Document:
    check_zip(path, limits)
    doc = open_docx(str(path))
    index = [0]
    body = list(_body(doc, index))
    headers, footers = _header_footer(doc)
    blocks = headers + body + footers
    chars = 0
    for n, block in enumerate(blocks, start=1):
        block.line = n  # a .docx has no lines: the block's ordinal stands in for one
        chars += len(block.text)
        if chars > limits.max_chars:
            raise ReadError(f"the document holds more than {limits.max_chars:,} characters", "", "too-large")
    return Document(display, "docx", blocks, pages=None)
