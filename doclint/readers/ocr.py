"""OCR of page images with tesseract (kor+eng), page by page, for scanned PDFs and images.

Measured on 2 cores (bench/ocr.py): OMP_THREAD_LIMIT=1 makes tesseract
~6x faster, `--psm 6` reads forms best, and erasing ruled lines first keeps table rows that
tesseract otherwise drops. Results are cached per page image in the user's cache folder."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from doclint.model import Block, Document, ReadError
from doclint.readers.limits import Limits, extend_deadline

if TYPE_CHECKING:
    import numpy as np
    from PIL.Image import Image

LANG = "kor+eng"
CONFIG = "--psm 6"
PDF_DPI = 300  # the most a PDF page is rasterised at for OCR
MIN_DPI = 200  # smaller scans are enlarged to this before OCR
_CACHE_VERSION = 3  # pages deskewed, leftover rules split cells
_MIN_LINE_INCHES = 0.25  # dark runs this long are ruled lines, not letters
_CELL_GAP = re.compile(r" {3,}")  # tesseract writes wide gaps (between table cells) as runs of spaces

INSTALL_FIX = "Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-kor tesseract-ocr-eng; or ask for a PDF with a text layer"


@dataclass
class PageText:
    rows: list[list[str]]  # lines of the page, each split into cells at wide gaps
    confidence: float  # tesseract's mean word confidence, 0..100


_NO_OCR = "scanned document and no OCR available: install tesseract-ocr tesseract-ocr-kor tesseract-ocr-eng"


@cache
def missing() -> str | None:
    """Why OCR cannot run here (the DL001 reason), or None when it can."""
    if shutil.which("tesseract") is None:
        return f"{_NO_OCR} (tesseract is not on PATH)"
    try:
        import pytesseract

        langs = set(pytesseract.get_languages(config=""))
    except Exception as exc:  # a broken install: say so rather than crash
        return f"{_NO_OCR} (tesseract does not run: {type(exc).__name__}: {exc})"
    lacking = [lang for lang in LANG.split("+") if lang not in langs]
    if lacking:
        return f"{_NO_OCR} (its language data {', '.join(lacking)} is missing)"
    return None


def available() -> bool:
    return missing() is None


def require() -> None:
    reason = missing()
    if reason:
        raise ReadError(reason, INSTALL_FIX, "ocr-missing")


@cache
def _engine_id() -> str:
    import pytesseract

    return f"{pytesseract.get_tesseract_version()}|{LANG}|{CONFIG}|v{_CACHE_VERSION}"


def _deskew(gray: Image) -> Image:
    """Straighten a page scanned a little askew (±3°): the angle whose rotation makes the dark
    pixels' row profile sharpest (text lines and table rules line up with the rows). A skew of
    a degree is enough to leave table borders half-erased and break lines of text apart."""
    import numpy as np
    from PIL import Image as PILImage

    small = gray.copy()
    small.thumbnail((900, 900))
    dark = (np.asarray(small) < 160).astype(np.uint8) * 255
    if dark.mean() < 0.5:  # an empty page
        return gray
    probe = PILImage.fromarray(dark)

    def sharpness(angle: float) -> float:
        rows = np.asarray(probe.rotate(angle, resample=PILImage.Resampling.NEAREST, fillcolor=0)).sum(axis=1, dtype=np.float64)
        return float(np.var(np.diff(rows)))

    coarse = max((a / 2 for a in range(-6, 7)), key=sharpness)
    best = max((coarse + a / 10 for a in range(-5, 6)), key=sharpness)
    if abs(best) < 0.15:
        return gray
    return gray.rotate(best, resample=PILImage.Resampling.BICUBIC, expand=False, fillcolor=255)


def _erase_rules(gray: Image, dpi: float) -> Image:
    """White out long horizontal and vertical dark runs (table borders, underlines)."""
    import numpy as np
    from PIL import Image as PILImage

    a = np.asarray(gray)
    dark = a < 160
    length = max(int(dpi * _MIN_LINE_INCHES), 20)
    rules = _long_runs(dark, length) | _long_runs(dark.T, length).T
    if not rules.any():
        return gray
    b = a.copy()
    b[rules] = 255
    return PILImage.fromarray(b)


def _long_runs(d: np.ndarray, length: int) -> np.ndarray:
    """Pixels inside a horizontal run of at least `length` dark pixels: an erosion then a
    dilation by a line of `length`, each in log2(length) shifted ANDs/ORs (~30 ms a page)."""
    import numpy as np

    if d.shape[1] <= length:
        return np.zeros_like(d)
    starts, n = d, 1
    while n < length:  # starts[:, j]: d[:, j : j + n] all dark
        k = min(n, length - n)
        starts = starts[:, :-k] & starts[:, k:]
        n += k
    covered = np.zeros_like(d)
    covered[:, : starts.shape[1]] = starts
    n = 1
    while n < length:  # spread each start over the run it begins
        k = min(n, length - n)
        covered[:, k:] |= covered[:, :-k]
        n += k
    return covered


@cache
def _misread_bullet() -> re.Pattern[str]:
    from doclint.nlp.patterns import load

    glyphs = "".join(re.escape(g) for g in load("ocr")["bullet_misreads"])
    return re.compile(rf"^[{glyphs}]\s+(?=\S)")


# what is left of a table's vertical rule after erasing: "|", "!", "ㅣ", "[" between words
_RULE_LEFT = re.compile(r"(?:^|\s)[|!ㅣ\[\]]+(?=\s|$)|^[|!\[]+(?=\S)")


def _cells(line: str) -> list[str]:
    """A line's cells: split at wide gaps and at leftover rules; cells of noise are dropped."""
    out = []
    for chunk in _CELL_GAP.split(line.strip()):
        for cell in _RULE_LEFT.split(chunk):
            cell = cell.strip(" |!'\"“”‘’_—-")
            if len(re.findall(r"[\w가-힣]", cell)) >= 2:
                out.append(cell)
    return out


def _page_text(text: str, tsv: str) -> PageText:
    """tesseract's text, lines split into cells where it wrote a wide gap; its word confidences.
    (The text output, not the word boxes, keeps Korean words whole.)"""
    bullet = _misread_bullet()
    rows = [
        cells
        for line in text.splitlines()
        if line.strip() and (cells := [bullet.sub("• ", c) for c in _cells(line) if c])
    ]
    confs: list[float] = []
    for record in tsv.splitlines()[1:]:
        fields = record.split("\t")
        if len(fields) == 12 and fields[11].strip():
            try:
                conf = float(fields[10])
            except ValueError:
                continue
            if conf >= 0:
                confs.append(conf)
    return PageText(rows, sum(confs) / len(confs) if confs else 0.0)


def _cache_file(key: str) -> Path:
    from doclint.paths import cache_dir, private_dir

    return private_dir(cache_dir() / "ocr") / f"{key}.json"


def _cached(key: str) -> PageText | None:
    try:
        data = json.loads(_cache_file(key).read_text(encoding="utf-8"))
        return PageText([list(map(str, r)) for r in data["rows"]], float(data["confidence"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _store(key: str, page: PageText) -> None:
    """Written to a temporary file (owner-only) and renamed into place; a cache that cannot be
    written (read-only home, full disk) costs a re-OCR next time, never the document."""
    try:
        target = _cache_file(key)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"rows": page.rows, "confidence": page.confidence}, fh, ensure_ascii=False)
        os.replace(tmp, target)
    except OSError:
        pass


def _page_key(gray: Image) -> str:
    h = hashlib.sha256(_engine_id().encode())
    h.update(f"{gray.mode}{gray.size}".encode())
    h.update(gray.tobytes())
    return h.hexdigest()


def _recognise(gray: Image, dpi: float, limits: Limits) -> PageText:
    import pytesseract

    os.environ["OMP_THREAD_LIMIT"] = "1"  # inherited by tesseract: 1.6 s/page instead of 9.4
    from pytesseract.pytesseract import run_tesseract, save

    try:
        # one run writes the text and the word table (for confidences); save() removes both
        with save(_erase_rules(_deskew(gray), dpi)) as (base, image_file):
            run_tesseract(image_file, base, "txt", LANG, config=f"{CONFIG} -c tessedit_create_tsv=1", timeout=_page_timeout(limits))
            text = Path(f"{base}.txt").read_text(encoding="utf-8")
            tsv = Path(f"{base}.tsv").read_text(encoding="utf-8")
    except RuntimeError as exc:  # pytesseract's timeout
        raise ReadError(
            f"OCR of a page took longer than {_page_timeout(limits):.0f} s and was stopped",
            "raise `timeout-per-page` in doclint.toml for large scans, or ask for a text PDF",
            "timeout",
        ) from exc
    except pytesseract.TesseractNotFoundError as exc:
        raise ReadError(f"{_NO_OCR} (tesseract is not installed)", INSTALL_FIX, "ocr-missing") from exc
    return _page_text(text, tsv)


def _page_timeout(limits: Limits) -> float:
    """OCR is the one slow per-page step (1-3 s a page here): it gets a multiple of the per-page
    timeout, set in rules/patterns/ocr.yaml."""
    from doclint.nlp.patterns import load

    return limits.seconds_per_page * float(load("ocr")["page_timeout_factor"])


def _jobs(limits: Limits) -> int:
    # Inside a worker of doclint's case pool the cores are already shared out: one page at a time.
    if multiprocessing.parent_process() is not None:
        return 1
    return max(1, limits.ocr_jobs)


def recognise_pages(pages: Iterator[tuple[int, Image, float]], limits: Limits) -> dict[int, PageText]:
    """OCR (page number, grey image, dpi) pages, up to `ocr_jobs` at once, through the cache."""
    require()
    jobs = _jobs(limits)
    results: dict[int, PageText] = {}
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        pending: list[tuple[int, str, Future[PageText]]] = []

        def drain(keep: int) -> None:
            while len(pending) > keep:
                number, key, future = pending.pop(0)
                page = future.result()
                results[number] = page
                if limits.ocr_cache:
                    _store(key, page)

        for number, gray, dpi in pages:
            extend_deadline(_page_timeout(limits))
            key = _page_key(gray)
            hit = _cached(key) if limits.ocr_cache else None
            if hit is not None:
                results[number] = hit
                continue
            pending.append((number, key, pool.submit(_recognise, gray, dpi, limits)))
            drain(jobs)  # bounded: at most `jobs` rendered pages wait in memory
        drain(0)
    return results


def page_blocks(number: int, page: PageText, table_no: list[int]) -> list[Block]:
    """A page's OCR lines as blocks; runs of lines with wide gaps become table rows, so the
    label | value forms of a scanned 고용사유서 read like the .docx reader's tables."""
    blocks: list[Block] = []
    row = -1
    for n, cells in enumerate(page.rows, start=1):
        if len(cells) > 1:
            if row < 0:
                table_no[0] += 1
            row += 1
            blocks.extend(Block(text, "table_cell", page=number, line=n, table=(table_no[0] - 1, row, c), ocr=True) for c, text in enumerate(cells))
        else:
            row = -1
            blocks.append(Block(cells[0], "line", page=number, line=n, ocr=True))
    return blocks


def _scan_dpi(page: object) -> float:
    """Rasterise at the scan's own resolution (within 200–300 dpi): more pixels than the scan
    has only cost time (300 dpi of a 200 dpi scan: 1.3-2.6x slower here, same accuracy)."""
    import pypdfium2.raw as pdfium_c

    dpis = [obj.get_metadata().horizontal_dpi for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)]  # type: ignore[attr-defined]
    return min(max(max(dpis, default=PDF_DPI), MIN_DPI), PDF_DPI)


def fill_pdf_pages(path: Path, doc: Document, image_pages: list[int], limits: Limits) -> None:
    """OCR the PDF pages that have no text layer and put their blocks in page order."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:

        def rendered() -> Iterator[tuple[int, Image, float]]:
            for number in image_pages:
                page = pdf[number - 1]
                try:
                    dpi = _scan_dpi(page)
                    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
                finally:
                    page.close()
                yield number, image, dpi

        results = recognise_pages(rendered(), limits)
    finally:
        pdf.close()
    add_ocr_blocks(doc, results)


def add_ocr_blocks(doc: Document, results: dict[int, PageText]) -> None:
    table_no = [1 + max((b.table[0] for b in doc.blocks if b.table), default=-1)]
    ocr_blocks = [b for number in sorted(results) for b in page_blocks(number, results[number], table_no)]
    doc.blocks = sorted(doc.blocks + ocr_blocks, key=lambda b: b.page or 0)  # stable: keeps line order
    doc.ocr = bool(ocr_blocks)
    doc.meta["ocr_pages"] = sorted(results)
    doc.meta["ocr_confidence"] = {n: round(p.confidence, 1) for n, p in results.items()}
