"""PDF with a text layer. pdfium gives exact text fast (Korean included); pdfplumber is used only
on pages that draw ruled lines, where its table finder keeps each cell's text together.
Pages without a text layer are handed to OCR when it is installed (doclint.readers.ocr)."""

from __future__ import annotations

import time
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from doclint.model import Block, Document, ReadError
from doclint.readers.limits import Limits

_MIN_RULES_FOR_TABLE = 4  # path objects on a page before we look for tables


def _page_lines(page: pdfium.PdfPage) -> list[str]:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
    finally:
        textpage.close()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.strip() for line in text.split("\n")]


def _has_rules(page: pdfium.PdfPage) -> bool:
    objects = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1)
    return any(n >= _MIN_RULES_FOR_TABLE for n, _ in enumerate(objects, start=1))


def _table_page_blocks(path: Path, index: int, page_no: int, table_no: list[int]) -> list[Block] | None:
    """Lines and table cells of one page, ordered top to bottom, or None if no table was found."""
    import pdfplumber

    with pdfplumber.open(str(path), pages=[page_no]) as pdf:
        page = pdf.pages[0]
        tables = page.find_tables()
        if not tables:
            return None
        items: list[tuple[float, int, Block]] = []
        outside = page
        for table in tables:
            outside = outside.outside_bbox(table.bbox)
            t = table_no[0]
            table_no[0] += 1
            for r, row in enumerate(table.extract()):
                top = table.rows[r].bbox[1] if r < len(table.rows) else table.bbox[1]
                for c, cell in enumerate(row):
                    text = (cell or "").strip()
                    if text:
                        items.append((top, c, Block(text, "table_cell", page=page_no, table=(t, r, c))))
        for line in outside.extract_text_lines(layout=False):
            text = line["text"].strip()
            if text:
                items.append((line["top"], -1, Block(text, "line", page=page_no)))
    items.sort(key=lambda item: (round(item[0], 0), item[1]))
    return [block for _, _, block in items]


def read_pdf(path: Path, display: str, limits: Limits) -> Document:
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise ReadError(
                "the PDF is password-protected (encrypted)",
                "ask the sender for a copy without a password",
                "encrypted",
            ) from exc
        raise ReadError(
            "the PDF is damaged and cannot be opened",
            "the download may be truncated: ask for the document again",
            "corrupt",
        ) from exc
    started = time.monotonic()
    blocks: list[Block] = []
    image_pages: list[int] = []
    chars = 0
    table_no = [0]
    try:
        n_pages = len(pdf)
        if n_pages > limits.max_pages:
            raise ReadError(
                f"the PDF has {n_pages:,} pages, over the {limits.max_pages} page limit",
                "lint the pages that matter as a separate file",
                "too-large",
            )
        for i in range(n_pages):
            if time.monotonic() - started > limits.seconds_per_page * max(n_pages, 1):
                raise ReadError("reading the PDF took too long", "", "timeout")
            page = pdf[i]
            try:
                lines = _page_lines(page)
                if not any(lines):
                    image_pages.append(i + 1)
                    continue
                page_blocks = _table_page_blocks(path, i, i + 1, table_no) if _has_rules(page) else None
            finally:
                page.close()
            if page_blocks is None:
                page_blocks = [Block(t, "line", page=i + 1, line=n) for n, t in enumerate(lines, 1) if t]
            else:
                for n, block in enumerate(page_blocks, 1):
                    block.page, block.line = i + 1, n
            for block in page_blocks:
                chars += len(block.text)
            if chars > limits.max_chars:
                raise ReadError(f"the document holds more than {limits.max_chars:,} characters", "", "too-large")
            blocks.extend(page_blocks)
    finally:
        pdf.close()
    doc = Document(display, "pdf", blocks, pages=n_pages)
    if image_pages:
        doc.meta["image_pages"] = image_pages
        from doclint.readers import ocr

        if ocr.available():
            ocr.fill_pdf_pages(path, doc, image_pages, limits)
        elif not blocks:
            ocr.require()
    return doc
