"""Scans and photos (.png, .jpg, .tif with its pages): every page goes through OCR."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from doclint.model import Document, ReadError
from doclint.readers import ocr
from doclint.readers.limits import Limits

if TYPE_CHECKING:
    from PIL.Image import Image

_ASSUMED_DPI = 200.0  # scanners' usual setting, when the file does not say


def _pages(image: Image, limits: Limits) -> Iterator[tuple[int, Image, float]]:
    from PIL import ImageOps, ImageSequence

    for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
        if number > limits.max_pages:
            raise ReadError(f"the image has more than {limits.max_pages} pages", "lint the pages that matter as a separate file", "too-large")
        dpi = float((frame.info.get("dpi") or (_ASSUMED_DPI,))[0] or _ASSUMED_DPI)
        gray = ImageOps.exif_transpose(frame).convert("L")  # phone photos carry their rotation
        if dpi < ocr.MIN_DPI:
            scale = ocr.MIN_DPI / dpi
            gray = gray.resize((round(gray.width * scale), round(gray.height * scale)))
            dpi = ocr.MIN_DPI
        yield number, gray, dpi


def read_image(path: Path, display: str, limits: Limits) -> Document:
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    ocr.require()  # before decoding anything: the user needs to know what to install
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(path) as image:
                results = ocr.recognise_pages(_pages(image, limits), limits)
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
        raise ReadError(f"the image is too large to read safely ({exc})", "ask for a normal scan (200–300 dpi)", "hostile") from exc
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ReadError("the image is damaged and cannot be decoded", "ask for the scan again", "corrupt") from exc
    doc = Document(display, "image", [], pages=len(results))
    ocr.add_ocr_blocks(doc, results)
    if not doc.blocks:
        doc.meta["empty_fix"] = "the image holds no readable text: ask for a sharper scan (200–300 dpi, upright)"
    return doc
