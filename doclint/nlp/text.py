"""Small text helpers shared by the extractors. Python's \\b does not work next to Hangul
(Hangul is \\w), so boundaries here are explicit lookarounds."""

from __future__ import annotations

import re
import unicodedata

HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
LATIN = re.compile(r"[A-Za-z]")
# Bullets and numbering people put in front of list items.
LIST_MARKER = re.compile(
    r"^\s*(?:[-–—•·∙◦▪▫■□○●◎◇◆※*>▶►▷➢✓]+|ㅇ(?=\s)|\(?\d{1,2}[.)]|\d{1,2}\.\d{1,2}\.?|[①-⑳]|\(?[가-하][.)]|[a-z][.)]|\([a-z]\)|제\s*\d+\s*조)\s*"
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_marker(text: str) -> str:
    return LIST_MARKER.sub("", text, count=1).strip()


def hangul_ratio(text: str) -> float:
    ko = len(HANGUL.findall(text))
    en = len(LATIN.findall(text))
    return ko / (ko + en) if ko + en else 0.0


def language_of(text: str) -> str:
    """ko, en or mixed, by the share of Hangul among letters (English words inside Korean
    sentences are common and do not make a document bilingual)."""
    ko = len(HANGUL.findall(text))
    en = len(LATIN.findall(text))
    if ko + en == 0:
        return "en"
    ratio = ko / (ko + en)
    if ratio >= 0.75:
        return "ko"
    if ratio <= 0.1:
        return "en"
    return "mixed"


def word_pattern(words: list[str]) -> str:
    """One alternation that matches any of the regex fragments as a whole word: not glued to a
    Latin letter or digit on either side (Hangul particles may follow, 매니저가 / 개발자로서)."""
    alternation = "|".join(f"(?:{w})" for w in sorted(words, key=len, reverse=True))
    return rf"(?<![A-Za-z0-9])(?:{alternation})(?![A-Za-z0-9])"


def compile_words(words: list[str]) -> re.Pattern[str]:
    return re.compile(word_pattern(words), re.IGNORECASE)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def languages_of(text: str, min_letters: int = 20) -> list[str]:
    """Every language written at some length: ["ko"], ["en"] or ["ko", "en"]."""
    ko = len(HANGUL.findall(text))
    en = len(re.findall(r"[A-Za-z]{3,}", text)) * 4  # whole words: stray Latin in Korean is not English
    out = [lang for lang, n in (("ko", ko), ("en", en)) if n >= min_letters and n >= 0.1 * (ko + en)]
    return out or [language_of(text) if language_of(text) != "mixed" else "en"]
