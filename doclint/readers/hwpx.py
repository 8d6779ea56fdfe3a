"""HWPX (OWPML: a zip of XML parts): body paragraphs and tables in reading order, headers and
footers, with the same block structure the .docx reader gives. The .hwp reader converts HWP 5
into these same parts, so `owpml_blocks` serves both formats."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from lxml import etree

from doclint.model import Block, Document, ReadError
from doclint.readers.limits import Limits, check_zip

_MAX_TABLE_DEPTH = 8
_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")
# Office XML never needs a DTD, entities or the network; a huge tree is a hostile file.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_LIST_MARKERS = {"BULLET": "•", "NUMBER": "1."}


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse(data: bytes, name: str) -> etree._Element:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ReadError(
            f"the document's XML ({name}) is damaged: {exc.msg}",
            "open it in Hancom Office to check, and ask for the document again",
            "corrupt",
        ) from exc


class _Styles:
    """What a paragraph's paraPr says about it: outline heading, bullet or numbered list."""

    def __init__(self, header: etree._Element | None) -> None:
        self.para: dict[str, tuple[str, int]] = {}
        if header is None:
            return
        for el in header.iter():
            if _local(el) == "paraPr":
                for child in el:
                    if _local(child) == "heading":
                        self.para[el.get("id", "")] = (child.get("type", "NONE"), int(child.get("level", "0") or 0))

    def block(self, text: str, p: etree._Element) -> Block:
        kind, level = self.para.get(p.get("paraPrIDRef", ""), ("NONE", 0))
        if kind == "OUTLINE":
            return Block(text, "heading")
        if kind in _LIST_MARKERS:
            return Block(text, "list_item", list_level=level, marker=_LIST_MARKERS[kind])
        return Block(text, "paragraph")


class _Walker:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.tables = 0
        self.headers: list[Block] = []
        self.footers: list[Block] = []

    def paragraphs(self, parent: etree._Element, depth: int) -> Iterator[Block]:
        for p in parent:
            if _local(p) == "p":
                yield from self.paragraph(p, depth)

    def paragraph(self, p: etree._Element, depth: int) -> Iterator[Block]:
        """The paragraph's own text first, then what it anchors (tables, text boxes, notes)."""
        parts: list[str] = []
        anchored: list[etree._Element] = []
        self._collect(p, parts, anchored)
        text = "".join(parts).strip()
        if text:
            yield self.styles.block(text, p)
        for el in anchored:
            name = _local(el)
            if name == "tbl":
                yield from self.table(el, depth + 1)
            elif name in ("header", "footer"):
                out = self.headers if name == "header" else self.footers
                for inner in self._sublists(el):
                    for block in self.paragraphs(inner, depth):
                        if block.text not in {b.text for b in out}:
                            out.append(Block(block.text, name))
            else:  # text boxes, foot/endnotes: their paragraphs after the anchor's text
                for inner in self._sublists(el):
                    yield from self.paragraphs(inner, depth)

    def _collect(self, el: etree._Element, parts: list[str], anchored: list[etree._Element]) -> None:
        for child in el:
            name = _local(child)
            if name == "t":
                parts.append(child.text or "")
                for inner in child:  # tabs, line breaks and marks inside a run of text
                    inner_name = _local(inner)
                    parts.append("\t" if inner_name == "tab" else "\n" if inner_name == "lineBreak" else "")
                    parts.append(inner.tail or "")
            elif name in ("tbl", "header", "footer", "subList"):
                anchored.append(child)
            elif name == "lineBreak":
                parts.append("\n")
            else:
                self._collect(child, parts, anchored)

    def _sublists(self, el: etree._Element) -> Iterator[etree._Element]:
        if _local(el) == "subList":
            yield el
            return
        for child in el:
            yield from self._sublists(child)

    def table(self, tbl: etree._Element, depth: int) -> Iterator[Block]:
        if depth > _MAX_TABLE_DEPTH:
            raise ReadError("tables are nested too deeply to read", "", "hostile")
        t = self.tables
        self.tables += 1
        for r_default, tr in enumerate(c for c in tbl if _local(c) == "tr"):
            for c_default, tc in enumerate(c for c in tr if _local(c) == "tc"):
                addr = next((c for c in tc if _local(c) == "cellAddr"), None)
                r = int(addr.get("rowAddr", r_default)) if addr is not None else r_default
                c = int(addr.get("colAddr", c_default)) if addr is not None else c_default
                lines: list[str] = []
                nested: list[Block] = []
                for sub in (s for s in tc if _local(s) == "subList"):
                    for block in self.paragraphs(sub, depth):
                        if block.table is None:
                            lines.append(block.text)
                        else:
                            nested.append(block)
                if lines:
                    yield Block("\n".join(lines), "table_cell", table=(t, r, c))
                yield from nested


def owpml_blocks(files: Mapping[str, bytes], limits: Limits) -> list[Block]:
    """Blocks of an OWPML package's parts (name → bytes), numbered like .docx blocks."""
    header = files.get("Contents/header.xml")
    walker = _Walker(_Styles(_parse(header, "Contents/header.xml") if header else None))
    sections = sorted((int(m.group(1)), name) for name in files if (m := _SECTION.match(name)))
    if not sections:
        raise ReadError("the HWPX file has no body (no Contents/section*.xml)", "ask for the document again", "corrupt")
    body: list[Block] = []
    for _, name in sections:
        body.extend(walker.paragraphs(_parse(files[name], name), 0))
    blocks = walker.headers + body + walker.footers
    chars = 0
    for n, block in enumerate(blocks, start=1):
        block.line = n  # no lines in a word processor file: the block's ordinal stands in
        chars += len(block.text)
        if chars > limits.max_chars:
            raise ReadError(f"the document holds more than {limits.max_chars:,} characters", "", "too-large")
    return blocks


ENCRYPTED_FIX = (
    "ask the employer for a copy saved without a password or distribution (배포용) protection, "
    "or for a PDF of the document"
)


def read_hwpx(path: Path, display: str, limits: Limits) -> Document:
    check_zip(path, limits)
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        manifest = zf.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
        if b"encryption-data" in manifest or b"EncryptionData" in manifest:
            raise ReadError("the HWPX file is password-protected or distribution-only (encrypted)", ENCRYPTED_FIX, "encrypted")
        wanted = [n for n in names if _SECTION.match(n) or n == "Contents/header.xml"]
        files = {name: zf.read(name) for name in wanted}
    return Document(display, "hwpx", owpml_blocks(files, limits), pages=None)
