"""The doclint_lexicon pipeline component: a spaCy Matcher built from the phrase groups of
rules/patterns/lexicon.yaml. Matches go to doc.spans["lexicon"], each labelled with its group."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from doclint.nlp.phrasebook import SPANS_KEY, groups

FACTORY = "doclint_lexicon"
# Korean particles (J…), endings (E…), verb/adjective suffixes (XS…) and copula (VCP) between
# two phrase tokens are skipped: 팀원 관리 ≈ 팀원을 관리하고.
_KO_GLUE = {"POS": "PART", "OP": "*"}  # set by the Kiwi tokenizer
_ANY = {"OP": "{0,3}"}


def _token(word: str) -> dict[str, Any]:
    alternatives = word.split("|")
    regexes = [a[1:-1] for a in alternatives if len(a) > 2 and a.startswith("/") and a.endswith("/")]
    if regexes:
        rest = [re.escape(a.lower()) + "$" for a in alternatives if not (a.startswith("/") and a.endswith("/"))]
        return {"NORM": {"REGEX": "^(?:" + "|".join([f"(?:{r})" for r in regexes] + rest) + ")"}}
    exact = [a.lower() for a in alternatives if not a.endswith("*")]
    prefixes = [re.escape(a[:-1].lower()) for a in alternatives if a.endswith("*")]
    if prefixes:
        regex = "^(?:" + "|".join(prefixes + [re.escape(e) + "$" for e in exact]) + ")"
        return {"NORM": {"REGEX": regex}}
    return {"NORM": {"IN": exact}} if len(exact) > 1 else {"NORM": exact[0]}


def compile_phrase(phrase: str, korean: bool) -> list[dict[str, Any]]:
    pattern: list[dict[str, Any]] = []
    for i, word in enumerate(phrase.split()):
        if word == "~":
            pattern.append(dict(_ANY))
            continue
        if korean and i > 0 and pattern[-1] != _ANY:
            pattern.append(dict(_KO_GLUE))
        pattern.append(_token(word))
    return pattern


class LexiconMatcher:
    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab, validate=True)
        korean = nlp.lang == "ko"
        for group, by_lang in groups().items():
            phrases = by_lang.get("ko" if korean else "en", [])
            # Korean text often carries English terms (and the reverse): match both lists
            phrases = phrases + by_lang.get("en" if korean else "ko", [])
            self.matcher.add(group, [compile_phrase(p, korean) for p in phrases])

    def __call__(self, doc: Doc) -> Doc:
        found = [Span(doc, s, e, label=match_id) for match_id, s, e in self.matcher(doc)]
        doc.spans[SPANS_KEY] = filter_spans(found)
        return doc


@Language.factory(FACTORY)
def make_lexicon(nlp: Language, name: str) -> LexiconMatcher:
    return LexiconMatcher(nlp)
