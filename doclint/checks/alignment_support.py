"""What the alignment rules (DL401–DL404, DL408) share: names, anchors and quoted duties."""

from __future__ import annotations

from typing import Any

from doclint.align.case_alignment import CaseAlignment, DutyFit
from doclint.case import CaseContext
from doclint.catalog.model import CodeEntry
from doclint.checks.base import make_finding, quote
from doclint.model import Finding


def entry_name(entry: CodeEntry, lang: str) -> str:
    return entry.name_ko if lang == "ko" else f"{entry.name_ko} ({entry.name_en})"


def judged(ctx: CaseContext) -> CaseAlignment | None:
    """The case's alignment when there is enough evidence to judge it, else None."""
    result = ctx.alignment
    if not isinstance(result, CaseAlignment) or result.abstained:
        return None
    return result


def confident(result: CaseAlignment) -> bool:
    """The judge could tell which code fits (top probability at or above its threshold); a case
    without a judgement (an older model file) is judged by coverage alone."""
    return result.judgement is None or result.judgement.confident


def split_across_functions(result: CaseAlignment) -> bool:
    """The duties do two kinds of work (doclint.align.judge.function_of): besides the code the
    judge ranks first, a code of another function covers `secondary_min` of the duties itself.
    One duty drawn to a code of another kind by its field words does not make a second function."""
    from doclint.align.judge import function_of
    from doclint.nlp.cues import management_duties

    if result.judgement is not None and not result.judgement.confident:
        return False
    best = result.best
    if best is None:
        return False
    kind = function_of(result.entries[best].code)
    for i in result.ranked():
        function = function_of(result.entries[i].code)
        if function == kind:
            continue
        if function == "manage" and not management_duties([f.duty for f in result.supporting(i)]):
            continue  # a field's manager code drawn by field words alone: no one and nothing is managed
        return result.coverage_of(i) >= result.thresholds.secondary_min
    return False


def basis(ctx: CaseContext, result: CaseAlignment) -> str:
    """Which documents' duties the judgement read, by file name."""
    from pathlib import PurePath

    names = list(dict.fromkeys(PurePath(f.path).name for f in result.fits))
    return ", ".join(names)


def because(result: CaseAlignment, position: int, lang: str) -> str:
    """The one-line reason a code wins: the duty that decided it and the definition line it met."""
    if result.judgement is None or result.judgement.best != position or not result.reason:
        return ""
    r = result.reason[0]
    if lang == "ko":
        return f' 결정적 업무: "{quote(r["duty"], 70)}" ≈ 정의 "{quote(r["definition"], 70)}".'
    return f' Decided by "{quote(r["duty"], 70)}" ≈ definition "{quote(r["definition"], 70)}".'


def finding(ctx: CaseContext, code: str, fits: list[DutyFit], data: dict[str, Any], **params: Any) -> Finding:
    """A case finding anchored at the first quoted duty, the duties quoted as evidence."""
    unique: dict[str, DutyFit] = {}
    for fit in fits:  # the same duty in the contract and the 고용사유서 is quoted once
        unique.setdefault(fit.duty.text.strip().lower(), fit)
    fits = list(unique.values())
    path = fits[0].path if fits else (ctx.records[0].display if ctx.records else ctx.path)
    location = fits[0].duty.location if fits else None
    evidence = " | ".join(quote(f.duty.text, 90) for f in fits[:3]) if fits else None
    return make_finding(code, path, lang=ctx.lang, evidence=evidence, location=location, data=data, **params)


def summary(result: CaseAlignment, position: int | None) -> dict[str, Any]:
    if position is None:
        return {}
    return {"code": result.entries[position].code, "coverage": round(result.coverage_of(position), 3)}
