"""OCR speed and accuracy on this machine (issue 7).

    .venv/bin/python bench/ocr.py [--out bench/out/ocr.md]

Pages are made by the project from its own text: sample documents (samples/build.py) rendered to
PDF by fpdf2 and rasterised by pdfium into grey scans (samples/render.py, 200 dpi PNG, as an
office scanner writes them). The reference is the text layer of that same PDF (pdfium), so the
comparison is the page's own characters. Each page is OCR'd by doclint's reader path, without
the cache, in three set-ups:
  - doclint: kor+eng, --psm 6, OMP_THREAD_LIMIT=1, ruled lines erased first;
  - no rule erasing: the same without erasing table borders;
  - image-only PDF: the scan put in a PDF, rasterised again by doclint's PDF path (at the
    scan's own 200 dpi; at 300 dpi it took 1.3-2.6x longer in our runs, same accuracy).
Character error rate = Levenshtein distance / reference length, after removing whitespace (OCR
spacing of Korean is not what a reader cares about); similarity = difflib ratio on the same.
Also: a 4-page image-only PDF with ocr_jobs 1 and 2 (pages of one document in parallel)."""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))

from build import CASES  # noqa: E402

from doclint.readers import ocr, read  # noqa: E402
from doclint.readers.limits import Limits  # noqa: E402
from render import render, to_pdf  # noqa: E402

PAGES = {  # (case, file): language
    ("01-kim-web-developer", "고용사유서.pdf"): "ko",
    ("09-maria-hotel-front-desk", "고용사유서.pdf"): "ko",
    ("02-marcus-marketing-manager", "reference_letter.pdf"): "en",
    ("03-priya-overseas-sales", "contract.pdf"): "en",
    ("02-marcus-marketing-manager", "goyong_sayuseo.docx"): "mixed",
}
NO_CACHE = Limits(ocr_cache=False, ocr_jobs=1, seconds_per_page=60, seconds_per_document=600)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def first_page_text(pdf_path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[0]
        text = page.get_textpage().get_text_range()
    finally:
        pdf.close()
    return text


def score(reference: str, got: str) -> tuple[float, float]:
    ref, hyp = _squash(reference), _squash(got)
    return levenshtein(hyp, ref) / max(len(ref), 1), difflib.SequenceMatcher(None, ref, hyp, autojunk=False).ratio()


def _page_one(path: Path, erase: bool) -> tuple[str, float]:
    """OCR text of page 1 and the seconds the read took (no cache)."""
    keep = ocr._erase_rules
    if not erase:
        ocr._erase_rules = lambda gray, dpi: gray  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        doc = read(path, path.name, NO_CACHE)
        seconds = time.perf_counter() - started
    finally:
        ocr._erase_rules = keep  # type: ignore[assignment]
    return "\n".join(b.text for b in doc.blocks if b.page == 1), seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "ocr.md")
    args = parser.parse_args()
    if not ocr.available():
        sys.exit(ocr.missing())
    rows: list[tuple[str, str, str, float, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        os.environ["DOCLINT_CACHE_DIR"] = str(tmp / "cache")
        sources = []
        for (case, name), lang in PAGES.items():
            source = CASES[case][name]
            text_pdf = tmp / f"{case}.pdf"
            to_pdf(source, text_pdf)
            reference = first_page_text(text_pdf)
            png = render(source, tmp / f"{case}.png")
            scan_pdf = render(source, tmp / f"{case}-scan.pdf", scan=True)
            sources.append(source)
            label = f"{case.split('-', 1)[1]} / {name}"
            for setup, path, erase in (("doclint", png, True), ("no rule erasing", png, False), ("image-only PDF", scan_pdf, True)):
                got, seconds = _page_one(path, erase)
                cer, sim = score(reference, got)
                rows.append((label, lang, setup, seconds, cer, sim))
                print(f"{label:45} {setup:16} {seconds:5.2f} s  CER {cer:.3f}  sim {sim:.3f}", file=sys.stderr)
        multi = tmp / "four-pages.pdf"
        render("\n@pagebreak\n".join(sources[:4]), multi, scan=True)
        parallel = []
        for jobs in (1, 2):
            started = time.perf_counter()
            read(multi, multi.name, Limits(ocr_cache=False, ocr_jobs=jobs, seconds_per_page=60, seconds_per_document=600))
            parallel.append((jobs, (time.perf_counter() - started) / 4))
        read(multi, multi.name, Limits(ocr_cache=True, ocr_jobs=2))  # fills the cache
        started = time.perf_counter()
        read(multi, multi.name, Limits(ocr_cache=True, ocr_jobs=2))
        cached = (time.perf_counter() - started) / 4
    lines = [
        "# OCR on this machine (bench/ocr.py)",
        "",
        "tesseract " + ocr._engine_id().split("|")[0] + f", {ocr.LANG}, `{ocr.CONFIG}`, OMP_THREAD_LIMIT=1; "
        f"{os.cpu_count()} cores. Scans rendered from the samples' own text; whitespace ignored.",
        "",
        "| page | lang | set-up | s/page | CER | similarity |",
        "|---|---|---|---:|---:|---:|",
    ]
    lines += [f"| {p} | {lang} | {s} | {sec:.2f} | {cer:.3f} | {sim:.3f} |" for p, lang, s, sec, cer, sim in rows]
    for setup in ("doclint", "no rule erasing", "image-only PDF"):
        picked = [r for r in rows if r[2] == setup]
        lines.append(
            f"| **mean** | | {setup} | {sum(r[3] for r in picked) / len(picked):.2f} | "
            f"{sum(r[4] for r in picked) / len(picked):.3f} | {sum(r[5] for r in picked) / len(picked):.3f} |"
        )
    lines += [
        "",
        "| 4-page image-only PDF | s/page |",
        "|---|---:|",
        *[f"| ocr_jobs {jobs} | {sec:.2f} |" for jobs, sec in parallel],
        f"| again, from the cache | {cached:.2f} |",
        "",
    ]
    table = "\n".join(lines)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
