"""Bounds every reader respects, so that a hostile or broken file costs little."""

from __future__ import annotations

import signal
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from doclint.model import ReadError


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 200_000_000
    max_unzipped_bytes: int = 200_000_000  # total inflated size of a .docx/.hwpx
    max_zip_ratio: float = 200.0  # inflated / compressed, per member (zip bombs are 1000×+)
    max_pages: int = 300
    max_chars: int = 2_000_000
    seconds_per_page: float = 5.0
    seconds_per_document: float = 60.0  # a wall-clock cap for formats whose pages are unknown
    # not bounds but how to spend them: OCR pages of one document in parallel, and its cache
    ocr_jobs: int = 1
    ocr_cache: bool = True


class _Timeout(Exception):
    pass


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Interrupt the reader after `seconds` (SIGALRM; only possible in a main thread, which every
    doclint process, pool workers included, reads in). The PDF reader also checks per page."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def _alarm(signum: int, frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Timeout as exc:
        raise ReadError(
            f"reading the document took longer than {seconds:.0f} s and was stopped",
            "check the file in its own program; raise `timeout-per-document` in doclint.toml if it is genuine",
            "timeout",
        ) from exc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extend_deadline(seconds: float) -> None:
    """Give a running `deadline` more time, for work with its own bound per step (OCR pages,
    each stopped by tesseract's timeout): the document cap must not cut a long scan short."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return
    remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    if remaining > 0:
        signal.setitimer(signal.ITIMER_REAL, remaining + seconds)


def _has_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    with zf.open(info) as fh:
        head = fh.read(4096)
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse a zip whose declared sizes add up to a bomb, before inflating anything."""
    try:
        with zipfile.ZipFile(path) as zf:
            total = 0
            for info in zf.infolist():
                total += info.file_size
                if info.compress_size and info.file_size / info.compress_size > limits.max_zip_ratio and info.file_size > 5_000_000:
                    raise ReadError(
                        f"the file looks like a zip bomb: {info.filename} inflates "
                        f"{info.file_size / info.compress_size:.0f}× to {info.file_size / 1e6:.0f} MB",
                        "do not open it; ask the sender for a clean copy",
                        "hostile",
                    )
                if info.filename.endswith((".xml", ".rels", ".hpf")) and _has_dtd(zf, info):
                    raise ReadError(
                        f"the file's XML ({info.filename}) declares a DTD or entities, which office "
                        "documents never do (an entity-expansion or external-entity attack)",
                        "do not open it; ask the sender for a clean copy",
                        "hostile",
                    )
            if total > limits.max_unzipped_bytes:
                raise ReadError(
                    f"the file inflates to {total / 1e6:.0f} MB, over the {limits.max_unzipped_bytes / 1e6:.0f} MB limit",
                    "do not open it; ask the sender for a clean copy",
                    "hostile",
                )
    except zipfile.BadZipFile as exc:
        raise ReadError(
            "the file is damaged (not a complete zip container)",
            "the download may be truncated: ask for the document again",
            "corrupt",
        ) from exc
