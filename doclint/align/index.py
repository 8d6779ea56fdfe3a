"""The catalog as vectors: every definition line (and name) of every code, embedded once.

Kept in the user's cache as one .npz per (catalog content, encoder), so editing the catalog or
changing the encoder rebuilds it and nothing else does."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from doclint.align.encoders import Encoder
from doclint.catalog.model import Catalog, CodeEntry


@dataclass
class CatalogIndex:
    entries: list[CodeEntry]  # the E-7 codes, then the ineligible occupations
    row_entry: np.ndarray  # for every index line, the position of its entry in `entries`
    vectors: np.ndarray  # (lines, dim), L2-normalised
    key: str
    texts: tuple[str, ...] = ()  # the text of every index line (for the reason a code wins)

    @property
    def codes(self) -> list[str]:
        return [e.code for e in self.entries]

    def position(self, code: str) -> int | None:
        return next((i for i, e in enumerate(self.entries) if e.code == code), None)


# The catalog entries of a run, by index key, with the process that loaded them. A worker forked
# after that sends each case back without them (they pickle to ~270 KB a case, and the parent
# would keep one copy per case); the parent, which holds the same list, puts them back.
SHARED: dict[str, list[tuple[list[CodeEntry], int]]] = {}  # several lists may share a key (same content)


def share_entries(key: str, entries: list[CodeEntry]) -> None:
    lists = SHARED.setdefault(key, [])
    if not any(held is entries for held, _ in lists):
        lists.append((entries, os.getpid()))


def inherited_entries(key: str, entries: list[CodeEntry]) -> bool:
    """True in a forked worker for a list its parent loaded before the fork."""
    return any(held is entries and pid != os.getpid() for held, pid in SHARED.get(key, ()))


def shared_entries(key: str) -> list[CodeEntry]:
    """The parent's list for a key (lists under one key have the same content)."""
    return SHARED[key][0][0]


def index_lines(catalog: Catalog, names: bool) -> tuple[list[CodeEntry], list[tuple[int, str]]]:
    entries = list(catalog.codes) + list(catalog.ineligible)
    lines: list[tuple[int, str]] = []
    for i, entry in enumerate(entries):
        texts = entry.definition_en + entry.definition_ko
        if names:
            texts = [entry.name_en, entry.name_ko, *texts]
        lines.extend((i, text) for text in texts if text.strip())
    return entries, lines


def build_index(catalog: Catalog, encoder: Encoder, names: bool, cache_folder: Path | None) -> CatalogIndex:
    entries, lines = index_lines(catalog, names)
    digest = hashlib.sha256(encoder.fingerprint.encode())
    for i, text in lines:
        digest.update(f"{entries[i].code}\t{text}\n".encode())
    key = digest.hexdigest()[:20]
    row_entry = np.fromiter((i for i, _ in lines), dtype=np.int32, count=len(lines))
    path = cache_folder / "catalog-embeddings" / f"{key}.npy" if cache_folder else None
    if path is not None and path.is_file():
        with contextlib.suppress(OSError, ValueError):
            vectors = np.load(path, allow_pickle=False)
            if vectors.shape[0] == len(lines):
                return CatalogIndex(entries, row_entry, vectors.astype(np.float32), key, tuple(t for _, t in lines))
    # stored as float16; rounded the same way when fresh, so a cached run scores identically
    vectors = encoder.passages([text for _, text in lines]).astype(np.float16).astype(np.float32)
    if path is not None:
        with contextlib.suppress(OSError):
            _save(path, vectors)
    return CatalogIndex(entries, row_entry, vectors, key, tuple(t for _, t in lines))


def _save(path: Path, vectors: np.ndarray) -> None:
    from doclint.paths import private_dir

    private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npy")  # 0o600
    with os.fdopen(fd, "wb") as fh:
        np.save(fh, vectors.astype(np.float16), allow_pickle=False)  # half the size, same ranking
    os.replace(tmp, path)
