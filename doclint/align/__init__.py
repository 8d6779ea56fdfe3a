"""Duties against codes: encoders, the embedded catalog, and a case's alignment."""

from __future__ import annotations

from pathlib import Path

from doclint.align.case_alignment import CaseAlignment, align
from doclint.align.encoders import EncoderError
from doclint.align.scorer import AlignmentThresholds, Scorer
from doclint.case import CaseContext
from doclint.config import Options
from doclint.context import RunContext
from doclint.model import DocType, Duty

# Whose duties define the job: the contract and the 고용사유서. Letters and other papers only
# when a case has neither (e.g. one letter checked on its own).
_PRIMARY = (DocType.CONTRACT, DocType.REASON_STATEMENT)


def cache_folder(options: Options) -> Path | None:
    if not options.cache:
        return None
    from doclint.paths import cache_dir

    try:
        return cache_dir()
    except OSError:  # an unwritable home: run without the cache rather than fail
        return None


def duty_groups(ctx: CaseContext) -> list[tuple[str, list[Duty]]]:
    records = [r for r in ctx.of_type(*_PRIMARY) if r.facts and r.facts.duties]
    if not records:
        records = [r for r in ctx.readable if r.facts and r.facts.duties]
    return [(r.display, list(r.facts.duties)) for r in records if r.facts]


def align_case(ctx: CaseContext, run: RunContext) -> CaseAlignment | None:
    groups = duty_groups(ctx)
    if not groups:
        return None
    scorer = run.scorer
    thresholds = run.alignment_thresholds(scorer.encoder.name)
    titles = [(r.display, r.facts.title) for r in ctx.of_type(*_PRIMARY) if r.facts and r.facts.title and r.facts.title.value]
    result = align(groups, scorer, thresholds, run.catalog, ctx.chosen_code, titles)
    ctx.alignment = result
    ctx.suggestions = result.suggestions
    return result


__all__ = ["AlignmentThresholds", "CaseAlignment", "EncoderError", "Scorer", "align_case", "cache_folder"]
