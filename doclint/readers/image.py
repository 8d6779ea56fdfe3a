"""Scans and photos (.png, .jpg, .tif with its pages): every page goes through OCR."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from doclint.model import Document, ReadError
from doclint.readers import ocr
from doclint.readers.limits import Limits

if TYPE_CHECKING:
    from PIL.Image import Image


def _pages(image: Image, limits: Limits) -> Iterator[tuple[int, Image, float]]:
    from PIL import ImageOps, ImageSequence

    for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
        if number > limits.max_pages:
            raise ReadError(f"the image has more than {limits.max_pages} pages", "lint the pages that matter as a separate file", "too-large")
        gray = ImageOps.exif_transpose(frame).convert("L")  # phone photos carry their rotation
        dpi = _dpi(frame.info.get("dpi"))
        if dpi < ocr.MIN_DPI:
            # enlarged for OCR, within a pixel budget per page: memory stays bounded
            budget = (float(_settings()["max_page_pixels"]) / max(gray.width * gray.height, 1)) ** 0.5
            scale = min(ocr.MIN_DPI / dpi, budget)
            if scale > 1:
                gray = gray.resize((round(gray.width * scale), round(gray.height * scale)))
                dpi *= scale
        yield number, gray, dpi


def _settings() -> dict[str, Any]:
    from doclint.nlp.patterns import load

    return load("ocr")


def _dpi(value: object) -> float:
    """The image's horizontal dpi, or the assumed one when it is missing or not believable."""
    settings = _settings()
    try:
        dpi = float(value[0] if isinstance(value, (tuple, list)) else value)  # type: ignore[arg-type]
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if not dpi >= float(settings["min_trusted_dpi"]):  # also NaN
        return float(settings["assumed_dpi"])
    return dpi


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
