"""Lexical evidence: the catalog's key terms found in a duty line.

English terms: one alternation regex (longest first) with word edges. Korean terms: substring
tests with spaces removed (회의실 예약 = 회의실예약), never `\\b` (Hangul is a word character)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from doclint.catalog.model import CodeEntry

_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass
class TermIndex:
    english: re.Pattern[str] | None
    korean_terms: list[str]
    owners: dict[str, list[int]]  # term (normalised) → entry positions

    def hits(self, text: str, n_entries: int) -> np.ndarray:
        """Per entry, how many distinct key terms of it the text contains."""
        counts = np.zeros(n_entries, dtype=np.float32)
        seen: set[str] = set()
        text = unicodedata.normalize("NFC", text).lower()
        if self.english is not None:
            seen.update(m.group(1) for m in self.english.finditer(text))
        if self.korean_terms:  # substring tests, so overlapping terms all count (건설현장소장: 현장소장 too)
            squeezed = re.sub(r"\s+", "", text)
            seen.update(t for t in self.korean_terms if t in squeezed)
        for term in seen:
            for i in self.owners.get(term, ()):
                counts[i] += 1
        return counts


def _norm(term: str) -> str:
    term = unicodedata.normalize("NFC", term).strip().lower()
    return re.sub(r"\s+", "", term) if _HANGUL.search(term) else re.sub(r"\s+", " ", term)


def build_terms(entries: list[CodeEntry]) -> TermIndex:
    owners: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        for term in entry.terms():
            key = _norm(term)
            if len(key) >= 2 and i not in owners.setdefault(key, []):
                owners[key].append(i)
    english = sorted((t for t in owners if not _HANGUL.search(t)), key=len, reverse=True)
    korean = sorted((t for t in owners if _HANGUL.search(t)), key=len, reverse=True)
    en_re = re.compile(r"(?<![a-z0-9])(" + "|".join(map(re.escape, english)) + r")(?![a-z0-9])") if english else None
    return TermIndex(en_re, korean, owners)
