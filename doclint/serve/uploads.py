"""Uploaded files into a private temporary folder, safely: each file's relative path (the name the
browser sends, "case-a/contract.docx") becomes a path inside the folder and never outside it;
size and count are bounded while copying, so a large upload costs a bounded amount of disk."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

_CHUNK = 1 << 20


class UploadError(Exception):
    """The upload cannot be checked; `status` is the HTTP status that says why."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class UploadLimits:
    max_total_bytes: int = 100_000_000  # one request; a large case of scans is ~20 MB
    max_file_bytes: int = 50_000_000
    max_files: int = 500
    max_depth: int = 8  # folders of cases of documents, with room to spare


def safe_relpath(name: str, limits: UploadLimits) -> PurePosixPath:
    """The upload's name as a relative path; UploadError for one that would leave the folder."""
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    if not parts:
        raise UploadError("a file has no name")
    for part in parts:
        if part == ".." or any(ord(c) < 32 for c in part) or len(part.encode("utf-8")) > 255:
            raise UploadError(f"not a safe file name: {name!r}")
    if len(parts) > limits.max_depth:
        raise UploadError(f"folders nested too deep: {name!r}")
    if parts[0].endswith(":"):  # C:/… from a Windows browser that sent a full path
        parts = parts[1:]
        if not parts:
            raise UploadError(f"not a safe file name: {name!r}")
    return PurePosixPath(*parts)


@contextmanager
def private_folder() -> Iterator[Path]:
    """An owner-only temporary folder, deleted afterwards whatever happens."""
    folder = Path(tempfile.mkdtemp(prefix="doclint-upload-"))  # mode 0700
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def save(files: list[tuple[str, BinaryIO]], folder: Path, limits: UploadLimits) -> list[PurePosixPath]:
    """Copy (name, stream) pairs under `folder`; the relative paths written."""
    if not files:
        raise UploadError("no files in the upload (field 'files')")
    if len(files) > limits.max_files:
        raise UploadError(f"too many files: {len(files)} (at most {limits.max_files} per request)", 413)
    written: list[PurePosixPath] = []
    total = 0
    for name, stream in files:
        rel = safe_relpath(name, limits)
        target = folder.joinpath(*rel.parts)
        if target.exists():
            raise UploadError(f"the same file twice: {rel}")
        target.parent.mkdir(parents=True, exist_ok=True)
        size = 0
        with target.open("xb") as out:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                total += len(chunk)
                if size > limits.max_file_bytes:
                    raise UploadError(f"{rel}: larger than {limits.max_file_bytes // 1_000_000} MB", 413)
                if total > limits.max_total_bytes:
                    raise UploadError(f"upload larger than {limits.max_total_bytes // 1_000_000} MB", 413)
                out.write(chunk)
        written.append(rel)
    return written
