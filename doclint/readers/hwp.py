"""HWP 5 (the binary .hwp of Hancom Office): python-hwpx converts it into OWPML parts, which the
.hwpx reader's walker turns into blocks, so both formats give the same structure."""

from __future__ import annotations

from pathlib import Path

from doclint.model import Document, ReadError
from doclint.readers.hwpx import ENCRYPTED_FIX, owpml_blocks
from doclint.readers.limits import Limits

# python-hwpx's stable error codes → what the user is told
_PROTECTED = {
    "hwp5-password": "the HWP file is password-protected",
    "hwp5-distribution": "the HWP file is a distribution-only (배포용) document; its body is encrypted",
    "hwp5-drm": "the HWP file is DRM-protected",
}


def read_hwp(path: Path, display: str, limits: Limits) -> Document:
    from hwpx.hwp5.cfb import CompoundFile
    from hwpx.hwp5.errors import Hwp5Error
    from hwpx.hwp5.package import convert

    data = path.read_bytes()
    try:
        if not CompoundFile(data).has_stream("FileHeader"):
            raise ReadError(
                "the file is an OLE container but not an HWP document (a legacy .doc/.xls, or an "
                "encrypted Office file)",
                "ask for the document as .docx, .hwp or PDF without a password",
                "unsupported",
            )
        converted = convert(data)
    except Hwp5Error as exc:
        code = getattr(exc, "code", "") or ""
        if code in _PROTECTED:
            raise ReadError(_PROTECTED[code], ENCRYPTED_FIX, "encrypted") from exc
        if code == "hwp5-version-unsupported":
            raise ReadError(
                f"the HWP file is in an old format ({exc}); only HWP 5 (Hangul 2002 and later) is read",
                "ask for it to be saved again as .hwp or .hwpx in a current Hancom Office, or as PDF",
                "unsupported",
            ) from exc
        raise ReadError(
            f"the HWP file is damaged and cannot be read ({exc})",
            "open it in Hancom Office to check, and ask for the document again",
            "corrupt",
        ) from exc
    return Document(display, "hwp", owpml_blocks(converted.files, limits), pages=None)
