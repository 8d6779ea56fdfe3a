"""A spaCy tokenizer for Korean built on Kiwi (kiwipiepy): particles and verb endings become
tokens of their own (개발자를 → 개발자 + 를), so matchers see the bare noun. Each token keeps
the surface text (doc.text round-trips); its morpheme tag goes to token.tag_ and its dictionary
form to token.lemma_ / token.norm_."""

from __future__ import annotations

import re
import threading
import time
from functools import cache
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from doclint.nlp import patterns

_lock = threading.Lock()
# Kiwi tags of particles (J…), endings (E…), verb/adjective suffixes (XS…), copula, punctuation
_GLUE = re.compile(r"^(J|E|XS|VCP|SP|SS)")
# The rest of the Sejong tagset Kiwi uses, mapped to Universal POS by first letters.
_UPOS = (("NNP", "PROPN"), ("NN", "NOUN"), ("NR", "NUM"), ("NP", "PRON"), ("VV", "VERB"),
         ("VA", "ADJ"), ("VX", "AUX"), ("MA", "ADV"), ("MM", "DET"), ("IC", "INTJ"), ("SN", "NUM"),
         ("S", "X"), ("_SP", "SPACE"))


def _upos(tag: str) -> str:
    """Universal POS of a Kiwi tag; particles, endings and suffixes are PART, which the
    lexicon matcher skips between words (cheaper than a regex over tags)."""
    if _GLUE.match(tag):
        return "PART"
    return next((upos for prefix, upos in _UPOS if tag.startswith(prefix)), "X")
LOAD_SECONDS: dict[str, float] = {}  # measured start-up cost, for the benchmark report


@cache
def kiwi() -> Any:
    """The process-wide Kiwi analyser, started on first use with the options of
    rules/patterns/pipeline.yaml and warmed up once (Kiwi loads its model lazily)."""
    with _lock:
        start = time.perf_counter()
        from kiwipiepy import Kiwi

        data = patterns.load("pipeline")
        analyser = Kiwi(**data.get("kiwi", {}))
        for word in data.get("user_words", []):
            analyser.add_user_word(word, "NNG")
        analyser.tokenize("준비")  # pays the lazy model load here, not inside a timed document
        LOAD_SECONDS["kiwi"] = time.perf_counter() - start
        return analyser


class KiwiTokenizer:
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return self._to_doc(text, kiwi().tokenize(text) if text.strip() else [])

    def pipe(self, texts: Any, batch_size: int = 64) -> Any:
        for text in texts:
            yield self(text)

    def _to_doc(self, text: str, tokens: list[Any]) -> Doc:
        # Kiwi may give two morphemes for one stretch (했 → 하 + 었): merge overlapping ones.
        spans: list[list[Any]] = []  # [start, end, tag, form]
        for tok in tokens:
            start, end = tok.start, tok.start + tok.len
            # A dropped copula has no text (개발자다 → 개발자 + 이[len 0] + 다): it joins the
            # morpheme before it; spaCy refuses an empty token.
            if end <= start and not spans:
                continue
            if spans and (start < spans[-1][1] or end <= start):
                spans[-1][1] = max(spans[-1][1], end)
                spans[-1][2] += "+" + tok.tag
                continue
            spans.append([start, end, tok.tag, tok.form])
        words: list[str] = []
        spaces: list[bool] = []
        tags: list[str] = []
        forms: list[str] = []

        def gap(piece: str) -> None:
            # spaCy's convention: one space after a token is a flag, anything else is a token
            if piece.startswith(" ") and words and not spaces[-1]:
                spaces[-1] = True
                piece = piece[1:]
            for chunk in re.findall(r"\s+|\S+", piece):
                words.append(chunk)
                spaces.append(False)
                tags.append("_SP" if chunk.isspace() else "X")
                forms.append(chunk)

        pos = 0
        for start, end, tag, form in spans:
            if start > pos:
                gap(text[pos:start])
            words.append(text[start:end])
            spaces.append(False)
            tags.append(tag)
            forms.append(form)
            pos = end
        if pos < len(text):
            gap(text[pos:])
        doc = Doc(self.vocab, words=words, spaces=spaces) if words else Doc(self.vocab, words=[])
        for token, tag, form in zip(doc, tags, forms, strict=True):
            token.tag_ = tag
            token.lemma_ = form
            token.norm_ = form.lower()
            token.pos_ = _upos(tag)
        return doc

    def to_disk(self, path: Any, **kwargs: Any) -> None:  # spaCy serialisation hooks: nothing to save
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> KiwiTokenizer:
        return self
