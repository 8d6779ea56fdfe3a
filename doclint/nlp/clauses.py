"""Run-on prose → duty clauses, on the spaCy pipeline.

Korean: Kiwi tags tell a connective verb ending from the same syllable inside a noun, so
"…을 개발하고, …을 유지보수하며, …을 지원함" splits into three duties while 고객/고급 do not.
English: a comma, "and" or semicolon before a verb ("She designed…, maintained…, and trained…")
starts a new duty; verbs come from rules/patterns/duties.yaml (blank pipelines have no tagger)."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from doclint.nlp import patterns
from doclint.nlp.pipeline import analyse
from doclint.nlp.text import HANGUL, squash

if TYPE_CHECKING:
    from spacy.tokens import Doc


@cache
def _data() -> dict[str, Any]:
    data = patterns.load("duties")["clauses"]
    return {
        "connectives": set(data["ko_connectives"]),
        "verb_tags": set(data["ko_verb_tags"]),
        "ko_tail": re.compile(data["ko_tail"]),
        "verbs": {v.lower() for v in data["en_verbs"]},
        "past": {v.lower() for v in data["en_irregular_past"]},
        "lead_in": [re.compile(p) for p in data["en_lead_in"]],
        "ko_lead_in": re.compile(data["ko_lead_in"]),
    }


@cache
def _is_en_verb(word: str) -> bool:
    verbs = _data()["verbs"]
    w = word.lower()
    if w in verbs or (len(w) > 4 and w.endswith("ed")):
        return True
    for suffix in ("s", "es", "ed", "d", "ing"):
        if w.endswith(suffix) and (w[: -len(suffix)] in verbs or w[: -len(suffix)] + "e" in verbs):
            return True
    if w.endswith("ied") or (w.endswith("ies") and w[:-3] + "y" in verbs):
        return True
    # beyond the duty-verb list: an English verb form that is no noun ("carrying", "participate",
    # "liaise"), or a form of a listed verb ("dealt"); "marketing", "process" or "design" as a
    # noun stay nouns unless the list has them
    lemmas = _lemmas(w, "VERB")
    if set(lemmas) & _AUXILIARIES:
        return False  # "was founded", "is excellent", "may be assigned": no task starts there
    return bool(lemmas) and (not _lemmas(w, "NOUN") or any(lemma in verbs for lemma in lemmas))


_AUXILIARIES = {"be", "have", "do", "may", "might", "can", "could", "shall", "should", "will", "would", "must", "get", "become", "seem"}


@cache
def _lemmatizer() -> Any:
    """lemminflect's getAllLemmas. lemminflect imports spaCy, which would pull PyTorch in (~1 s
    and ~170 MB when the transformers extra is installed): spaCy comes in our way first."""
    from doclint.nlp.spacy_import import import_spacy

    import_spacy()
    from lemminflect import getAllLemmas

    return getAllLemmas


@cache
def _lemmas(word: str, upos: str) -> tuple[str, ...]:
    """The lemmas of `word` as a VERB or a NOUN (empty when it is not one)."""
    return tuple(_lemmatizer()(word, upos=upos).get(upos, ()))


def _ko_clauses(doc: Doc) -> list[str]:
    data = _data()
    out: list[str] = []
    start = 0  # char offset where the current clause starts
    tokens = list(doc)
    for i, tok in enumerate(tokens):
        if tok.tag_ != "EC" or tok.lemma_ not in data["connectives"] or i == 0:
            continue
        prev_tags = set(tokens[i - 1].tag_.split("+"))
        if not prev_tags & data["verb_tags"]:
            continue
        k = i + 1
        note = ""  # "개발하고(50%)," — a share written after the ending belongs to this clause
        if k < len(tokens) and tokens[k].text in {"(", "（"}:
            close = next((m for m in range(k + 1, min(k + 10, len(tokens))) if tokens[m].text in {")", "）"}), None)
            if close is None:
                continue
            note = " " + doc.text[tokens[k].idx : tokens[close].idx + 1]
            k = close + 1
        nxt = tokens[k] if k < len(tokens) else None
        if nxt is None or not (nxt.text in {",", "，"} or tokens[k - 1].whitespace_ or nxt.is_space):
            continue
        # cut before the verb suffix chain: 개발 + 하 + 고 → "개발"; 만들 + 고 → "만들고"
        j = i - 1
        while (j > 0 and {"XSV", "XSA", "EP"} & set(tokens[j].tag_.split("+"))) or (j > 0 and tokens[j].lemma_ == "하" and tokens[j - 1].tag_.startswith("NN")):
            j -= 1
        cut = tokens[j].idx + len(tokens[j].text) if j < i - 1 else tok.idx + len(tok.text)
        out.append(doc.text[start:cut] + note)
        start = (nxt.idx + len(nxt.text)) if nxt.text in {",", "，"} else tokens[k - 1].idx + len(tokens[k - 1].text)
    out.append(doc.text[start:])
    return [data["ko_tail"].sub("", squash(c)).strip(" ,.;") for c in out]


def _verb_form(word: str) -> str:
    """ing | past | s | base — coordinated duties share one form (designed…, maintained…)."""
    w = word.lower()
    if w.endswith("ing"):
        return "ing"
    if w.endswith("ed") or w in _data()["past"]:
        return "past"
    if not w.endswith("s") and any(lemma != w for lemma in _lemmas(w, "VERB")):
        return "past"  # "dealt", "led", "oversaw": an irregular past
    if w.endswith("s") and not w.endswith("ss"):
        return "s"
    return "base"


_ADVERBIAL_START = {"since", "from", "in", "also", "later", "then", "additionally", "subsequently"}
_ADVERBIAL_MORE = {"also", "he", "she", "they", "later", "then", ","}


def _past_adverbial(tokens: list[Any], k: int) -> int:
    """The token after a short time phrase that opens a clause ("since 2022", "from 2021 he also"),
    or k itself: the verb that follows still starts a new duty."""
    if k >= len(tokens) or tokens[k].lower_ not in _ADVERBIAL_START:
        return k
    j = k + 1
    while j < len(tokens) and j - k <= 4 and (tokens[j].like_num or tokens[j].lower_ in _ADVERBIAL_MORE):
        j += 1
    return j if j < len(tokens) and j > k + (tokens[k].lower_ in {"since", "from", "in"}) and _is_en_verb(tokens[j].text) else k


# what introduces a list of gerunds and nouns, not of verbs
_GERUND_LIST = re.compile(r"(?i)\b(?:responsible\s+for|in\s+charge\s+of|responsibilities\s+(?:included|include|were)|duties\s+(?:included|include|were)|involved|consisted\s+of)\s")
_PRONOUNS = {"he", "she", "they", "we"}
_SUBORDINATORS = {"once", "when", "whenever", "if", "after", "before", "while", "because", "although", "as", "until"}
_SUBJECT_MORE = {"also", "will", "would", "then", "later", "further", "additionally"}


def _subject(tokens: list[Any], k: int) -> int:
    """The token after a pronoun subject and its modal or adverb ("he also", "she will"), when a
    verb follows: "…, and he worked closely with …" starts a new duty like "…, and worked …"."""
    if k >= len(tokens) or tokens[k].lower_ not in _PRONOUNS:
        return k
    j = k + 1
    while j < len(tokens) and j - k <= 3 and tokens[j].lower_ in _SUBJECT_MORE:
        j += 1
    # after "she will" a word that can be a verb is one ("coach", "review"), unless it is "be"/"have"
    if j < len(tokens) and (lemmas := _lemmas(tokens[j].lower_, "VERB")) and not set(lemmas) & _AUXILIARIES:
        return j
    return k


def _en_clauses(doc: Doc) -> list[str]:
    out: list[str] = []
    start = 0
    tokens = list(doc)
    lead = strip_lead_in(doc.text).split(" ", 1)[0]  # "His duties included designing …" → designing
    # (a capitalised word inside the sentence is a name or a title: "As RF Optimization Engineer he …")
    first_verb = lead if _is_en_verb(lead) else next(
        (t.text for t in tokens if _is_en_verb(t.text) and (t.i == 0 or not t.text[0].isupper())), None)
    form = _verb_form(first_verb) if first_verb else None
    if _GERUND_LIST.search(doc.text.split(",", 1)[0]):
        form = "ing"  # "he was responsible for drive-test planning …, tuning …, and preparing …"
    for i, tok in enumerate(tokens):
        if tok.text not in {",", ";", "and"} or i == 0:
            continue
        k = i + 1
        if k < len(tokens) and tokens[k].lower_ == "and":
            k += 1
        if k >= len(tokens) or (tok.text == "and" and tokens[i - 1].text == ","):
            continue
        k = _past_adverbial(tokens, k)  # ", and since 2022 built …", "; from 2021 he also mentored …"
        subject = _subject(tokens, k)  # ", and he worked …", ", and she will coach …"
        had_subject = subject != k
        if had_subject:
            k = subject  # a new subject and its verb: a new clause, whatever the verb's form
        else:
            nxt = tokens[k]
            # "…, tuning antenna tilt …": a gerund that a dictionary also knows as a noun still
            # starts a task in a list of gerunds
            gerund = form == "ing" and nxt.lower_.endswith("ing") and bool(_lemmas(nxt.lower_, "VERB"))
            if not (_is_en_verb(nxt.text) or gerund) or (nxt.text[0].isupper() and k > 0 and tokens[k - 1].text not in {";"}):
                continue
            if form is not None and _verb_form(nxt.text) != form:
                continue  # "built dashboards for sales, marketing and finance": not a new duty
        nxt = tokens[k]
        before = doc.text[start:tok.idx]
        if had_subject and before.split(" ", 1)[0].lower() in _SUBORDINATORS and tok.text == ",":
            start = nxt.idx  # "Once a roadmap is agreed, she will support …": the condition is no task
            continue
        if len(strip_lead_in(before).split()) < 3:
            continue  # "Plan, shoot and edit videos": verbs sharing one object stay one duty
        out.append(before)
        start = nxt.idx
    out.append(doc.text[start:])
    return [squash(c).strip(" ,.;") for c in out]


def split_clauses(text: str) -> list[str]:
    """One sentence or paragraph of prose → its duty clauses (a single item when it is one)."""
    text = squash(text)
    if not text:
        return []
    korean = bool(HANGUL.search(text)) and len(HANGUL.findall(text)) >= len(re.findall(r"[A-Za-z]", text)) / 3
    doc = analyse(text, "ko" if korean else "en")
    parts: list[str] = []
    for sent in doc.sents:
        sub = sent.as_doc()
        parts.extend(_ko_clauses(sub) if korean else _en_clauses(sub))
    return [p for p in parts if p]


def strip_lead_in(text: str) -> str:
    """"During her employment she handled …" → "handled …"."""
    if HANGUL.match(text):
        stripped = _data()["ko_lead_in"].sub("", text, count=1)
        return stripped if len(stripped) >= 4 else text
    for regex in _data()["lead_in"]:
        stripped = regex.sub("", text, count=1)
        first = stripped.split(" ", 1)[0] if stripped else ""
        # "…was responsible for drive-test planning": what follows such a lead-in is the task
        if stripped != text and (_is_en_verb(first) or _GERUND_LIST.search(text[: len(text) - len(stripped)])):
            return stripped
    return text
