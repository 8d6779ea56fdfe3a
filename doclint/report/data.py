"""The JSON-shaped view of a run, shared by every machine format."""

from __future__ import annotations

from typing import Any

from doclint import __version__
from doclint.align.case_alignment import NO_VERDICT
from doclint.engine import CaseResult, RunResult
from doclint.model import Duty, Finding, Severity


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "name": f.name,
        "severity": f.severity.value,
        "path": f.path,
        "line": f.line,
        "page": f.page,
        "message": f.message,
        "evidence": f.evidence,
        "suggestion": f.suggestion,
        "ocr": f.ocr,
        "data": f.data or {},
    }


def _span(span: Any) -> str | None:
    return span.text if span is not None else None


def _duty_dict(d: Duty, alignment: Any) -> dict[str, Any]:
    verdict = alignment.verdict(d) if alignment is not None else NO_VERDICT
    return {
        "text": d.text,
        "share": d.share,
        "best_code": verdict.best_code,
        "matches_chosen": verdict.matches_chosen,
        "score": verdict.best_score,
        "line": d.location.line,
        "page": d.location.page,
    }


def document_dict(record: Any, alignment: Any = None) -> dict[str, Any]:
    """A document's facts; with the case's alignment, each duty with the code it fits best."""
    facts = record.facts
    doc = record.doc
    if facts is None:
        return {
            "path": record.display, "type": None, "language": None, "title": None, "title_rank": None,
            "codes": [], "subcategory": None, "annual_salary_krw": None, "salary_text": None,
            "duties": [], "readable": False, "format": doc.format if doc else None,
        }
    return {
        "path": record.display,
        "type": facts.doc_type.value,
        "language": facts.language,
        "title": facts.title.value if facts.title else None,
        "title_rank": facts.title.rank if facts.title else None,
        "codes": [m.code for m in facts.codes],
        "subcategory": _span(facts.subcategory),
        "annual_salary_krw": facts.salary.annual_krw if facts.salary else None,
        "salary_text": facts.salary.text if facts.salary else None,
        "employer": _span(facts.employer),
        "industry": _span(facts.industry),
        "applicant": _span(facts.applicant),
        "contract_period": _span(facts.contract_period),
        "languages": list(facts.languages),
        "employment_dates": _span(facts.employment_dates),
        "has_signatory": facts.has_signatory,
        "has_contact": facts.has_contact,
        "duties": [_duty_dict(d, alignment) for d in facts.duties],
        "readable": True,
        "format": doc.format if doc else None,
        "ocr": bool(doc.ocr) if doc else False,
    }


def alignment_dict(alignment: Any) -> dict[str, Any] | None:
    """How the duties were judged: the encoder, and why the alignment rules abstained if they did."""
    if alignment is None:
        return None
    chosen = alignment.chosen
    return {
        "encoder": alignment.encoder,
        "duties": len(alignment.fits),
        "duties_without_fit": sum(f.abstained for f in alignment.fits),
        "chosen_coverage": round(alignment.coverage_of(chosen), 3) if chosen is not None else None,
        "abstained": alignment.abstain_reason,
    }


def case_dict(result: CaseResult) -> dict[str, Any]:
    ctx = result.context
    return {
        "path": ctx.path,
        "chosen_code": ctx.chosen_code,
        "chosen_code_source": ctx.chosen_source,
        "subcategory": ctx.subcategory,
        "suggestions": ctx.suggestions,
        "alignment": alignment_dict(ctx.alignment),
        "documents": [document_dict(r, ctx.alignment) for r in ctx.records],
        "findings": [finding_dict(f) for f in result.findings],
        "notes": list(ctx.extra.get("notes", [])),
    }


def summary(run: RunResult) -> dict[str, int]:
    findings = run.findings
    return {
        "cases": len(run.cases),
        "documents": sum(len(c.context.records) for c in run.cases),
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
        "infos": sum(f.severity is Severity.INFO for f in findings),
    }


def statistics(run: RunResult) -> list[dict[str, Any]]:
    """Findings per rule (--statistics; always in JSON), by rule code."""
    counts: dict[str, dict[str, Any]] = {}
    for f in run.findings:
        entry = counts.setdefault(f.rule, {"rule": f.rule, "name": f.name, "severity": f.severity.value, "count": 0})
        entry["count"] += 1
    return [counts[code] for code in sorted(counts)]


def run_dict(run: RunResult) -> dict[str, Any]:
    catalog = run.catalog or {"name": None, "as_of": None}
    return {
        "doclint_version": __version__,
        "catalog": catalog,
        "cases": [case_dict(c) for c in run.cases],
        "summary": summary(run),
        "statistics": statistics(run),
        "baseline": run.baseline,
        "notes": run.notes,
    }
