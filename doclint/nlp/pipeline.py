"""The spaCy pipelines of doclint: blank English and Korean pipelines (no downloaded model
packages) whose components come from rules/patterns/pipeline.yaml and lexicon.yaml. Korean uses
the Kiwi tokenizer, started only when a document first needs Korean analysis, once per process."""

from __future__ import annotations

import threading
from functools import cache
from typing import TYPE_CHECKING

from doclint.nlp import patterns
from doclint.nlp.spacy_import import import_spacy
from doclint.nlp.text import hangul_ratio

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_lock = threading.Lock()


@cache
def nlp_for(lang: str) -> Language:
    """The pipeline for "ko" or "en" (built once per process)."""
    with _lock:
        spacy = import_spacy()  # on first use: `doclint rules` or a run of unreadable files never pays for it

        if lang == "ko":
            # spacy.blank("ko") needs mecab: start from the plain tokenizer, then swap in Kiwi
            from doclint.nlp.kiwi_tokenizer import KiwiTokenizer

            nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
            nlp.tokenizer = KiwiTokenizer(nlp.vocab)
        else:
            nlp = spacy.blank("en")
        from doclint.nlp import lexicon  # registers the doclint_lexicon factory

        for name in patterns.load("pipeline")["components"]:
            if name == "sentencizer":
                nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "。", "\n"]})
            elif name == lexicon.FACTORY:
                nlp.add_pipe(lexicon.FACTORY)
            else:
                nlp.add_pipe(name)
        return nlp


def preload() -> None:
    """Both pipelines and Kiwi, loaded before worker processes fork so that they share these
    pages (Kiwi alone is ~240 MB) instead of each loading its own copy."""
    nlp_for("en")
    nlp_for("ko")
    from doclint.nlp.kiwi_tokenizer import kiwi  # after nlp_for: it imports spaCy at module level

    kiwi()


def lang_of_text(text: str) -> str:
    return "ko" if hangul_ratio(text) >= 0.2 else "en"


def analyse(text: str, lang: str | None = None) -> Doc:
    return nlp_for(lang or lang_of_text(text))(text)
