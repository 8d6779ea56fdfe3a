"""Duties against codes: encoders, the embedded catalog, and a case's alignment."""

from __future__ import annotations

from pathlib import Path

from doclint.align.case_alignment import CaseAlignment, align
from doclint.align.encoders import EncoderError
from doclint.align.scorer import Scorer, Thresholds, build_scorer
from doclint.case import CaseContext
from doclint.config import Options
from doclint.model import DocType, Duty

# Whose duties define the job: the contract and the 고용사유서. Letters and other papers only
# when a case has neither (e.g. one letter checked on its own).
_PRIMARY = (DocType.CONTRACT, DocType.REASON_STATEMENT)


def cache_folder(options: Options) -> Path | None:
    if options.extra.get("no_cache"):
        return None
    from doclint.paths import cache_dir

    try:
        return cache_dir()
    except OSError:  # an unwritable home: run without the cache rather than fail
        return None


# One scorer per (catalog, model, cache on/off) in a process, looked up before anything touches
# the cache folder: every case of a run asks for it.
_SCORERS: dict[tuple[str | None, str | None, bool], Scorer] = {}


def scorer_for(options: Options) -> Scorer:
    key = (options.catalog, options.model, bool(options.extra.get("no_cache")))
    if key not in _SCORERS:
        from doclint.catalog import load_catalog

        _SCORERS[key] = build_scorer(load_catalog(options.catalog), options.model, cache_folder(options))
    return _SCORERS[key]


def duty_groups(ctx: CaseContext) -> list[tuple[str, list[Duty]]]:
    records = [r for r in ctx.of_type(*_PRIMARY) if r.facts and r.facts.duties]
    if not records:
        records = [r for r in ctx.readable if r.facts and r.facts.duties]
    return [(r.display, list(r.facts.duties)) for r in records if r.facts]


def align_case(ctx: CaseContext, options: Options) -> CaseAlignment | None:
    groups = duty_groups(ctx)
    if not groups:
        return None
    from doclint.catalog import load_catalog

    scorer = scorer_for(options)
    thresholds = Thresholds.for_encoder(scorer.encoder.name, options.alignment)
    titles = [(r.display, r.facts.title) for r in ctx.of_type(*_PRIMARY) if r.facts and r.facts.title and r.facts.title.value]
    result = align(groups, scorer, thresholds, load_catalog(options.catalog), ctx.chosen_code, titles)
    ctx.alignment = result
    ctx.suggestions = result.suggestions
    return result


__all__ = ["CaseAlignment", "EncoderError", "Scorer", "Thresholds", "align_case", "scorer_for"]
