"""What the case-level consistency rules (DL501–DL503, DL505) share: which documents they compare,
when two codes, titles or salaries are "the same" (rules/consistency.yaml), and how a case
finding names the document it is about."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from doclint.case import CaseContext, DocRecord
from doclint.catalog.model import Catalog
from doclint.checks.base import doc_type_name, make_finding
from doclint.model import Block, DocType, Finding, Location, Salary, Title
from doclint.paths import rules_dir


@cache
def settings() -> dict[str, Any]:
    with (rules_dir() / "consistency.yaml").open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def doc_types(section: str, key: str = "doc_types") -> tuple[DocType, ...]:
    return tuple(DocType(t) for t in settings()[section][key])


def records(ctx: CaseContext, section: str) -> list[DocRecord]:
    """The readable documents a rule compares, in the case's file order."""
    return ctx.of_type(*doc_types(section))


def name(record: DocRecord) -> str:
    return Path(record.display).name


def finding(ctx: CaseContext, code: str, record: DocRecord | None, *, evidence: str | None = None,
            location: Location | None = None, data: dict[str, Any] | None = None, **params: Any) -> Finding:
    """A case finding, placed on the document it is about (or on the case folder)."""
    path = record.display if record else ctx.path
    ocr = bool(record and record.doc and record.doc.ocr)
    return make_finding(code, path, lang=ctx.lang, evidence=evidence, location=location, data=data, ocr=ocr, **params)


def text(ctx: CaseContext, code: str, key: str, **params: Any) -> str:
    """A fragment template of a rule's messages (e.g. DL503 `amount`) in the case's language."""
    from doclint.checks import all_rules
    from doclint.checks.base import render

    return render(all_rules()[code].text(key, ctx.lang), params)


def catalog(ctx: CaseContext) -> Catalog | None:
    """The run's catalog (loaded once when the run began)."""
    return ctx.run.catalog


# --- codes ----------------------------------------------------------------------------------


def canonical_code(code: str, cat: Catalog | None) -> str:
    """An alias (121) and its official code (1212) are the same code; so is a guide's number
    that stands for exactly one official code (DL405 already asks to correct it)."""
    code = code.strip().upper()
    if cat is None:
        return code
    entry = cat.get(code)
    if entry is not None:
        return entry.code
    guide = cat.guide(code)
    if guide is not None and len(guide.official) == 1:
        entry = cat.get(guide.official[0])
        return entry.code if entry else code
    return code


def code_label(code: str, cat: Catalog | None) -> str:
    """The code as written, with the official code it stands for when that differs: '271 (= 2715)'."""
    canonical = canonical_code(code, cat)
    return code if canonical == code.strip().upper() else f"{code} (= {canonical})"


# --- titles ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TitlePart:
    key: str  # spacing and punctuation dropped, case-folded
    words: frozenset[str]
    script: str  # ko|en


@cache
def _title_patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    t = settings()["titles"]
    filler = frozenset(w.casefold() for lang in ("ko", "en") for w in t["filler"][lang])
    return re.compile(t["split"]), re.compile(t["ignore"]), filler


def title_parts(value: str) -> list[TitlePart]:
    split, ignore, filler = _title_patterns()
    parts: list[TitlePart] = []
    for raw in split.split(value):
        words = [w for w in (ignore.sub("", w).casefold() for w in raw.split()) if w and w not in filler]
        if not words:
            continue
        script = "ko" if re.search(r"[가-힣]", raw) else "en"
        parts.append(TitlePart("".join(words), frozenset(words), script))
    return parts


def title_value(title: Title) -> str:
    """The title without rank words (과장, Senior …): the rank may differ between documents."""
    from doclint.nlp.title import split_rank

    return split_rank(title.value or title.text)[0]


def _parts_agree(a: TitlePart, b: TitlePart) -> bool:
    if a.key == b.key:
        return True
    if a.script == "ko" and b.script == "ko":  # Korean spacing varies: 웹개발자 = 웹 개발자
        return a.key in b.key or b.key in a.key
    return a.words <= b.words or b.words <= a.words


def _catalog_names(cat: Catalog) -> dict[str, set[str]]:
    """Occupation names of the catalog, Korean and English, as title keys → codes."""
    names: dict[str, set[str]] = {}
    for entry in [*cat.codes, *cat.ineligible]:
        for label in (entry.name_ko, entry.name_en):
            for part in title_parts(label):
                names.setdefault(part.key, set()).add(entry.code)
    return names


def _occupations(parts: list[TitlePart], cat: Catalog | None) -> set[str]:
    if cat is None:
        return set()
    names = cat.derived("title-names", _catalog_names)
    return {code for p in parts for code in names.get(p.key, ())}


@cache
def _glossary() -> tuple[dict[str, int], tuple[str, ...]]:
    """Word → meaning id (groups sharing a word are one meaning), and the Korean words longest
    first for splitting unspaced Korean (웹개발자 → 웹 + 개발자)."""
    _, ignore, _ = _title_patterns()
    groups = [[ignore.sub("", str(w)).casefold() for w in g] for g in settings()["titles"]["glossary"]]
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, group in enumerate(groups):
        for word in group:
            if word in first:
                parent[root(i)] = root(first[word])
            else:
                first[word] = i
    words = {w: root(i) for w, i in first.items()}
    korean = tuple(sorted((w for w in words if re.search(r"[가-힣]", w)), key=len, reverse=True))
    return words, korean


def _meanings(parts: list[TitlePart]) -> frozenset[int] | None:
    """The title's words as meanings of the glossary; None when a word is not in it."""
    words, korean = _glossary()
    out: set[int] = set()
    for part in parts:
        for word in part.words:
            while word:
                if word in words:
                    out.add(words[word])
                    break
                head = next((k for k in korean if word.startswith(k)), None)
                if head is None:
                    return None
                out.add(words[head])
                word = word[len(head):]
    return frozenset(out)


def titles_agree(a: str, b: str, cat: Catalog | None) -> bool | None:
    """True when the titles name the same job, False when they differ, None when they cannot
    be compared (written in different languages and the catalog does not name both)."""
    pa, pb = title_parts(a), title_parts(b)
    if not pa or not pb:
        return None
    if any(_parts_agree(x, y) for x in pa for y in pb):
        return True
    oa, ob = _occupations(pa, cat), _occupations(pb, cat)
    if oa and ob:
        return bool(oa & ob)
    if {x.script for x in pa} & {y.script for y in pb}:
        return False
    ma, mb = _meanings(pa), _meanings(pb)  # Korean against English
    if ma is None or mb is None:
        return None
    return ma <= mb or mb <= ma


# --- salaries -------------------------------------------------------------------------------


def salary_tolerance(reference: int) -> float:
    """How far two annual figures may differ and still be the same pay written two ways."""
    s = settings()["salary"]
    return max(float(s["tolerance-krw"]), float(s["tolerance-ratio"]) * reference)


def salary_source(ctx: CaseContext, record: DocRecord, salary: Salary) -> str:
    """'48,000,000 KRW in 근로계약서.docx (line 12, monthly ×12)' in the case's language."""
    where = text(ctx, "DL503", "where_line", line=salary.location.line) if salary.location.line else ""
    period = text(ctx, "DL503", f"period_{salary.period}") if salary.period != "year" else ""
    notes = ", ".join(x for x in (where, period) if x)
    return text(ctx, "DL503", "amount", amount=salary.annual_krw, file=name(record), notes=f" ({notes})" if notes else "")


# --- documents ------------------------------------------------------------------------------


def type_from_name(display: str) -> DocType | None:
    """What an unreadable file probably is, from its name alone (the same cues as for content);
    None when the name does not tell."""
    from doclint.nlp.doctype import classify

    stem = re.sub(r"[_\-.]+", " ", Path(display).stem)
    doc_type, _, _ = classify([Block(stem)])
    return None if doc_type is DocType.OTHER else doc_type


def type_name(ctx: CaseContext, doc_type: DocType) -> str:
    return doc_type_name(doc_type, ctx.lang)
