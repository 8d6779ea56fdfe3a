"""Plain .txt / .md files in whatever encoding Korean offices use."""

from __future__ import annotations

import codecs
from pathlib import Path

from doclint.model import Block, Document, ReadError
from doclint.readers.limits import Limits

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding): BOM first, then strict UTF-8, then CP949 (a superset of EUC-KR),
    then charset-normalizer's guess."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(enc), enc
            except UnicodeDecodeError:  # FF FE 00 00 opens UTF-32 and UTF-16 text alike
                continue
    for enc in ("utf-8", "cp949"):
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise ReadError("the text file's encoding cannot be recognised", "save it as UTF-8 and try again", "corrupt")
    return str(best), best.encoding


def read_text(path: Path, display: str, limits: Limits) -> Document:
    return read_text_bytes(path.read_bytes(), display, limits)


def read_text_bytes(raw: bytes, display: str, limits: Limits) -> Document:
    """Text from a file or standard input (`doclint suggest -`)."""
    if b"\x00" in raw[:4096] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ReadError("the file holds binary data, not text", "open it to see what it really is", "corrupt")
    text, encoding = decode(raw)
    if len(text) > limits.max_chars:
        raise ReadError(f"the document holds more than {limits.max_chars:,} characters", "", "too-large")
    blocks: list[Block] = []
    for n, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped) > 20_000:  # one giant line is not a document anyone wrote by hand
            raise ReadError(f"line {n} is {len(stripped):,} characters long", "", "hostile")
        blocks.append(Block(stripped, "line", page=None, line=n))
    return Document(display, "txt", blocks, meta={"encoding": encoding})
