"""Readers turn a file into a Document. One module per format; this module only decides which
reader a file needs, from its first bytes rather than its name (a .docx may be a renamed PDF)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from doclint.model import Document, ReadError
from doclint.readers.limits import Limits, deadline

SUPPORTED_SUFFIXES = frozenset(
    {".docx", ".pdf", ".txt", ".md", ".hwp", ".hwpx", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
)

Reader = Callable[[Path, str, Limits], Document]


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def sniff(path: Path, head: bytes) -> str:
    """The format a file really has: docx|hwpx|pdf|hwp|ole|image|txt|zip|empty."""
    if not head:
        return "empty"
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return "zip"
        if "word/document.xml" in names:
            return "docx"
        if "Contents/content.hpf" in names or any(n.startswith("Contents/section") for n in names):
            return "hwpx"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # HWP 5, legacy .doc, or an encrypted OOXML file
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    return "txt"


def _reader_for(kind: str) -> Reader | None:
    # Imported lazily: a run that sees only .txt files never imports python-docx or pdfium.
    if kind == "docx":
        from doclint.readers.docx import read_docx

        return read_docx
    if kind == "pdf":
        from doclint.readers.pdf import read_pdf

        return read_pdf
    if kind == "txt":
        from doclint.readers.text import read_text

        return read_text
    if kind == "hwpx":
        from doclint.readers.hwpx import read_hwpx

        return read_hwpx
    if kind in ("hwp", "ole"):
        from doclint.readers.hwp import read_hwp

        return read_hwp
    if kind == "image":
        from doclint.readers.image import read_image

        return read_image
    return None


_KIND_NAMES = {
    "docx": "Word (.docx)",
    "pdf": "PDF",
    "hwpx": "HWPX",
    "hwp": "HWP",
    "image": "image",
    "txt": "text",
}


def read(path: Path, display: str, limits: Limits | None = None) -> Document:
    """Read one file; raise ReadError (never anything else) when it cannot be read."""
    limits = limits or Limits()
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(2048)
    except PermissionError as exc:
        raise ReadError(
            "the file cannot be opened: permission denied",
            "check the file's permissions (doclint only needs to read it)",
            "unreadable",
        ) from exc
    except OSError as exc:
        raise ReadError(f"the file cannot be opened: {exc.strerror or exc}", "", "unreadable") from exc
    if size == 0:
        raise ReadError("the file is empty (0 bytes)", "ask for the document again; the copy you have holds nothing", "empty")
    if size > limits.max_file_bytes:
        raise ReadError(
            f"the file is {size / 1e6:.0f} MB, over the {limits.max_file_bytes / 1e6:.0f} MB limit",
            "split it, or raise the limit in the configuration if it is genuine",
            "too-large",
        )
    kind = sniff(path, head)
    suffix = path.suffix.lower()
    expected = {".docx": "docx", ".pdf": "pdf", ".hwpx": "hwpx", ".hwp": "hwp"}.get(suffix)
    if kind == "txt" and suffix not in (".txt", ".md"):
        # Not a known binary format, yet named as one: a renamed or broken file.
        raise ReadError(
            f"the file is named {suffix} but is not a {_KIND_NAMES.get(expected or '', suffix)} file "
            "(its content is plain text or unknown bytes)",
            "open it to see what it really is, and ask for a proper copy",
            "corrupt",
        )
    if kind == "zip":
        raise ReadError(
            f"the file is a zip archive but not a valid {_KIND_NAMES.get(expected or '', 'document')}",
            "the download may be truncated or the file renamed: ask for the document again",
            "corrupt",
        )
    if kind == "ole" and suffix == ".docx":
        raise ReadError(
            "the Word file is password-protected (encrypted)",
            "ask the sender for a copy without a password",
            "encrypted",
        )
    reader = _reader_for(kind)
    if reader is None:
        raise ReadError(
            f"doclint cannot read {_KIND_NAMES.get(kind, kind)} files in this installation",
            "convert it to .docx or .pdf, or install doclint with its full set-up (see README)",
            "unsupported",
        )
    try:
        with deadline(limits.seconds_per_document):
            doc = reader(path, display, limits)
    except ReadError:
        raise
    except MemoryError as exc:
        raise ReadError("the document is too large to read in memory", "", "too-large") from exc
    except RecursionError as exc:
        raise ReadError("the document is nested too deeply to read", "", "corrupt") from exc
    except Exception as exc:  # a reader library choked: the file is broken, not doclint
        raise ReadError(
            f"the {_KIND_NAMES.get(kind, kind)} file is damaged and cannot be read ({type(exc).__name__}: {str(exc)[:120]})",
            "open it in its own program to check, and ask for the document again",
            "corrupt",
        ) from exc
    if expected and kind != expected and not (expected == "hwp" and kind == "ole"):
        doc.meta["renamed_from"] = kind
    if not any(b.text.strip() for b in doc.blocks):
        raise ReadError(
            "no text could be read from the document"
            + (" (it looks scanned: every page is an image)" if doc.meta.get("image_only") else ""),
            doc.meta.get("empty_fix", "ask for a text version (.docx or a PDF with a text layer)"),
            "empty",
        )
    return doc
