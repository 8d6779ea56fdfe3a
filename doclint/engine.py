"""The flow of one run: cases → read → understand → (align) → check. Reporting is separate."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doclint.case import CaseContext, DocRecord
from doclint.checks import all_rules
from doclint.checks.base import DocContext, Rule
from doclint.config import Options
from doclint.context import RunContext
from doclint.discovery import Case
from doclint.ignores import path_ignored, rule_ignored_at
from doclint.model import Finding, ReadError
from doclint.nlp import understand
from doclint.readers import read


@dataclass
class CaseResult:
    context: CaseContext
    findings: list[Finding] = field(default_factory=list)


@dataclass
class RunResult:
    cases: list[CaseResult]
    catalog: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    baseline: dict[str, Any] | None = None
    run: RunContext | None = None  # the run's options, catalog and scorer, for the reports

    @property
    def findings(self) -> list[Finding]:
        return [f for c in self.cases for f in c.findings]


def read_case(case: Case, run: RunContext) -> CaseContext:
    options = run.options
    records: list[DocRecord] = []
    for path, display in case.files:
        try:
            doc = read(path, display, options.limits)
        except ReadError as error:
            records.append(DocRecord(display, error=error))
            continue
        try:
            facts = understand(doc)
        except Exception as exc:  # an extractor bug must not stop the folder
            records.append(DocRecord(display, doc=doc, error=ReadError(f"doclint failed to analyse it ({type(exc).__name__}: {exc})", "please report this as a doclint bug", "internal")))
            continue
        records.append(DocRecord(display, doc=doc, facts=facts))
    notes = [n for r in records if r.facts for n in r.facts.extra.get("notes", [])]
    ctx = CaseContext(case.path, records, run, manifest=case.manifest, is_folder=case.is_folder, lang=options.lang)
    if notes:
        ctx.extra.setdefault("notes", []).extend(notes)
    choose_code(ctx, options)
    align_duties(ctx, run)
    return ctx


def align_duties(ctx: CaseContext, run: RunContext) -> None:
    """Duties against codes (DL401–DL404, DL408 read the result). An encoder that cannot be loaded
    leaves the case unaligned with a note, so the other rules still run."""
    if not any(run.options.enabled(code) for code in alignment_rules()):
        return
    from doclint.align import EncoderError, align_case

    try:
        align_case(ctx, run)
    except EncoderError as exc:
        ctx.extra.setdefault("notes", []).append(f"duties not compared with the catalog: {exc}")


def choose_code(ctx: CaseContext, options: Options) -> None:
    """The chosen code: --code, else the manifest, else the first code the documents cite
    (고용사유서 first, then the contract, then anything)."""
    from doclint.model import DocType

    if options.code:
        ctx.chosen_code, ctx.chosen_source = options.code.upper(), "cli"
    elif ctx.manifest.get("code"):
        ctx.chosen_code, ctx.chosen_source = str(ctx.manifest["code"]).upper(), "manifest"
    else:
        for types in ((DocType.REASON_STATEMENT,), (DocType.CONTRACT,), tuple(DocType)):
            for record in ctx.of_type(*types):
                if record.facts and record.facts.codes:
                    ctx.chosen_code, ctx.chosen_source = record.facts.codes[0].code, "document"
                    break
            if ctx.chosen_code:
                break
    if options.subcategory:
        ctx.subcategory = options.subcategory.upper()
    elif ctx.manifest.get("subcategory"):
        ctx.subcategory = str(ctx.manifest["subcategory"]).upper()
    else:
        for record in ctx.readable:
            if record.facts and record.facts.subcategory:
                ctx.subcategory = record.facts.subcategory.text
                break


def check_case(ctx: CaseContext, options: Options) -> list[Finding]:
    rules = all_rules()
    findings: list[Finding] = []
    for record in ctx.records:
        if record.error is not None:  # only the reader rules see a file that cannot be read
            for r in rules.values():
                if r.scope == "reader" and options.enabled(r.code) and not rule_ignored_at(r.code, record.display, options):
                    findings.extend(r.check(record.display, record.error, options.lang))
            continue
        assert record.doc is not None and record.facts is not None
        dctx = DocContext(record.doc, record.facts, ctx, options.lang)
        for r in rules.values():
            if r.scope != "document" or not options.enabled(r.code) or rule_ignored_at(r.code, record.display, options):
                continue  # per-path ignores apply before a document rule runs
            if r.doc_types is not None and record.facts.doc_type not in r.doc_types:
                continue
            findings.extend(_guarded(r, dctx, ctx))
    for r in rules.values():
        if r.scope in ("case", "run") and options.enabled(r.code):
            findings.extend(_guarded(r, ctx, ctx))
    findings = [f for f in findings if not path_ignored(f, options)]  # case rules point at any document
    for f in findings:
        if f.rule in options.severity:
            f.severity = options.severity[f.rule]
    findings.sort(key=Finding.sort_key)
    return findings


def _guarded(r: Rule, target: DocContext | CaseContext, ctx: CaseContext) -> list[Finding]:
    """A rule's findings; a bug in one rule becomes a note and never stops the others or the folder."""
    try:
        return list(r.check(target))
    except Exception as exc:
        where = target.doc.path if isinstance(target, DocContext) else ctx.path
        ctx.extra.setdefault("notes", []).append(
            f"{where}: rule {r.code} {r.name} failed ({type(exc).__name__}: {exc}); please report this doclint bug"
        )
        return []


def run_case(case: Case, run: RunContext) -> CaseResult:
    ctx = read_case(case, run)
    return CaseResult(ctx, check_case(ctx, run.options))


# A pool worker's run: set once when the worker starts (inherited by fork, never pickled).
_WORKER_RUN: RunContext | None = None


def _adopt(run: RunContext) -> None:
    global _WORKER_RUN
    _WORKER_RUN = run


def _worker_case(case: Case) -> CaseResult:
    assert _WORKER_RUN is not None
    return run_case(case, _WORKER_RUN)


def alignment_rules() -> list[str]:
    """The rules that need the duties aligned with the catalog; with all of them off, no encoder loads."""
    return [code for code, r in all_rules().items() if "alignment" in r.needs]


# Reader modules by file suffix, imported before the fork when the folder has such files.
_READER_MODULES = {".docx": ("doclint.readers.docx",), ".pdf": ("doclint.readers.pdf", "pdfplumber")}


def preload(run: RunContext, cases: list[Case]) -> None:
    """Load the NLP pipelines (Kiwi), the readers the folder needs, the encoder and the embedded
    catalog in the parent, so forked workers share their pages; gc.freeze() keeps the collector
    from writing to (and so copying) every inherited object in each worker."""
    import gc
    import importlib

    from doclint.nlp.pipeline import preload as preload_nlp

    preload_nlp()
    suffixes = {Path(path).suffix.lower() for case in cases for path, _ in case.files}
    for suffix in suffixes & _READER_MODULES.keys():
        for module in _READER_MODULES[suffix]:
            importlib.import_module(module)
    if any(run.options.enabled(code) for code in alignment_rules()):
        from doclint.align import EncoderError

        with contextlib.suppress(EncoderError):
            _ = run.scorer
    gc.freeze()


# Below this many cases a process pool costs more (worker start-up, model loading) than it saves.
MIN_CASES_FOR_POOL = 6


def run(
    cases: list[Case],
    run_ctx: RunContext,
    on_case: Callable[[CaseResult], None] | None = None,
) -> RunResult:
    """Check every case; results come back in the order of `cases` whatever --jobs is."""
    result = _run(cases, run_ctx, on_case)
    result.catalog = run_ctx.catalog.info()
    result.run = run_ctx
    return result


def _run(
    cases: list[Case],
    run_ctx: RunContext,
    on_case: Callable[[CaseResult], None] | None = None,
) -> RunResult:
    jobs = max(1, min(run_ctx.options.jobs, len(cases)))
    if jobs == 1 or len(cases) < MIN_CASES_FOR_POOL:
        results = []
        for case in cases:
            results.append(run_case(case, run_ctx))
            if on_case:
                on_case(results[-1])
        return _result(results)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    preload(run_ctx, cases)
    # fork: workers inherit what the parent already imported and loaded (catalog, models), and
    # the run itself through the initializer's arguments, which fork copies instead of pickling.
    mp = multiprocessing.get_context("fork")
    ordered: list[CaseResult | None] = [None] * len(cases)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=mp, initializer=_adopt, initargs=(run_ctx,)) as pool:
        futures = {pool.submit(_worker_case, case): i for i, case in enumerate(cases)}
        for future in as_completed(futures):
            result = future.result()
            result.context.run = run_ctx  # it came back detached (RunContext pickles its options only)
            ordered[futures[future]] = result
            if on_case:
                on_case(result)
    return _result([r for r in ordered if r is not None])




def _result(cases: list[CaseResult]) -> RunResult:
    seen: set[str] = set()
    for case in cases:
        kept = []
        for f in case.findings:
            if all_rules()[f.rule].scope == "run":  # about the run, not a case: on the first case only
                if f.rule in seen:
                    continue
                seen.add(f.rule)
            kept.append(f)
        case.findings = kept
    notes = [note for c in cases for note in c.context.extra.get("notes", [])]
    return RunResult(cases, notes=list(dict.fromkeys(notes)))
